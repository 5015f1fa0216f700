// RFC 4180 CSV of audit entries. Cells that a spreadsheet would evaluate as a formula
// (=, +, -, @, tab, CR) are prefixed with a quote: the log contains user-typed text.
import type { AuditEntry } from "./list-audit-entries";

const COLUMNS = ["id", "at", "actor", "action", "outcome", "tenant", "target", "ip", "details"] as const;

export function formatAuditCsv(entries: readonly AuditEntry[]): string {
  const lines = [COLUMNS.join(",")];
  for (const e of entries) {
    const { outcome: _o, via: _v, ...details } = e.metadata;
    lines.push(
      [String(e.id), e.at, e.actor, e.action, e.outcome, e.tenantSlug ?? "", e.target ?? "", e.ip ?? "", JSON.stringify(details)]
        .map(toCsvCell)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

function toCsvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
