// `pnpm db:check`: fails when the committed migration histories are inconsistent
// (`drizzle-kit check`) or stale — i.e. when `drizzle-kit generate` would write a new migration
// because a schema file changed without `pnpm db:generate`. Generate runs against a scratch copy
// (inside the package: drizzle-kit only accepts relative `out` paths), so the history is untouched.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { relative } from "node:path";

const histories = [
  { config: "drizzle.control-plane.config.ts", folder: "migrations/control-plane" },
  { config: "drizzle.tenant.config.ts", folder: "migrations/tenant" },
] as const;

function listSql(folder: string): string[] {
  return readdirSync(folder).filter((f) => f.endsWith(".sql"));
}

// drizzle-kit sometimes exits 0 after printing an error, so the output is inspected too.
function drizzleKit(args: string[], env: NodeJS.ProcessEnv = process.env): { ok: boolean; output: string } {
  const result = spawnSync("drizzle-kit", args, { env, encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  return { ok: result.status === 0 && !/\bError\b/.test(output), output };
}

let failed = false;
mkdirSync(".drizzle-check", { recursive: true });
for (const { config, folder } of histories) {
  const check = drizzleKit(["check", "--config", config]);
  if (!check.ok) {
    failed = true;
    console.error(`✗ drizzle-kit check failed for ${folder}:\n${check.output}`);
    continue;
  }
  const scratch = relative(process.cwd(), mkdtempSync(".drizzle-check/run-"));
  try {
    cpSync(folder, scratch, { recursive: true });
    const generate = drizzleKit(["generate", "--config", config], { ...process.env, DRIZZLE_OUT_DIR: `./${scratch}` });
    const added = listSql(scratch).filter((f) => !listSql(folder).includes(f));
    if (!generate.ok) {
      failed = true;
      console.error(`✗ drizzle-kit generate failed for ${folder}:\n${generate.output}`);
    } else if (added.length > 0) {
      failed = true;
      console.error(
        `✗ ${folder} is stale: the schema changed without a migration (generate would add ${added.join(", ")}). Run \`pnpm db:generate\` and commit the result.`,
      );
    } else {
      console.log(`✓ ${folder}: consistent and up to date`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
rmSync(".drizzle-check", { recursive: true, force: true });
process.exit(failed ? 1 : 0);
