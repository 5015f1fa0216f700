// A missing or malformed variable stops `db:migrate` with exactly one line naming it (no
// stack, no second copy), before any connection is attempted.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

function runMigrateCli(env: Record<string, string | undefined>) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const result = spawnSync(join(packageDir, "node_modules/.bin/tsx"), ["src/cli/migrate.ts"], {
    cwd: packageDir,
    env: { ...inherited, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  const lines = `${result.stdout}${result.stderr}`.split("\n").filter((line) => line.trim() !== "");
  return { status: result.status, lines };
}

describe("tenancy env validation (db:migrate CLI)", () => {
  it.each([
    { case: "DATABASE_URL missing", env: {}, name: "DATABASE_URL" },
    { case: "DATABASE_URL not a postgres URL", env: { DATABASE_URL: "mysql://localhost/x" }, name: "DATABASE_URL" },
    {
      case: "TENANT_POOL_MAX not a number",
      env: { DATABASE_URL: "postgres://127.0.0.1:1/x", TENANT_POOL_MAX: "lots" },
      name: "TENANT_POOL_MAX",
    },
  ])("$case → exit 1 and one line naming $name", ({ env, name }) => {
    const { status, lines } = runMigrateCli(env);
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(lines[0]).toContain(".env.example");
  });
});
