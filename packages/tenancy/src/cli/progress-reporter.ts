// Progress output for the migrate CLI: a redrawn bar on a TTY, one line per tenant otherwise
// (CI logs). Writes to the given stream only.
import { type MigrateProgress } from "../migrate/migrate-all-tenants";

const BAR_WIDTH = 30;

export function createProgressReporter(stream: NodeJS.WriteStream): (progress: MigrateProgress) => void {
  if (!stream.isTTY) {
    return (p) => {
      const outcome = p.ok ? `ok (${p.applied} applied)` : `FAILED: ${p.error?.message}`;
      stream.write(`[${p.done}/${p.total}] ${p.tenant.slug}: ${outcome}\n`);
    };
  }
  return (p) => {
    const filled = Math.round((p.done / Math.max(p.total, 1)) * BAR_WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
    if (!p.ok) stream.write(`\r\x1b[2K✗ ${p.tenant.slug}: ${p.error?.message}\n`);
    stream.write(`\r\x1b[2K${bar} ${p.done}/${p.total} tenants${p.failed ? `, ${p.failed} failed` : ""}`);
    if (p.done === p.total) stream.write("\n");
  };
}
