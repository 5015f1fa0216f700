// `pnpm env:check` reports every workspace's problems in one run (not just the first) and, with
// --production, what a production process cannot start without.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const SERVICE_VARS = [
  "DATABASE_URL",
  "UPSTASH_REDIS_REST_URL",
  "UPSTASH_REDIS_REST_TOKEN",
  "AUTH_SIGNING_KEYS",
  "NODE_ENV",
];

function envCheck(args: string[], env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SERVICE_VARS.includes(name)));
  const result = spawnSync(process.execPath, [tsxCli, "tooling/services/src/cli/env-check.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...base, ...env } as NodeJS.ProcessEnv,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("pnpm env:check", { timeout: 120_000 }, () => {
  it("lists every invalid variable across workspaces at once", () => {
    const result = envCheck([], { TENANT_POOL_MAX: "abc", LOG_LEVEL: "loud", AUTH_COOKIE_SECURE: "maybe" });
    expect(result.code).toBe(1);
    for (const text of [
      "apps/web: Invalid environment variable: LOG_LEVEL",
      "apps/admin",
      "packages/auth: Invalid environment variable: AUTH_COOKIE_SECURE",
      "TENANT_POOL_MAX",
    ]) {
      expect(result.out).toContain(text);
    }
  });

  it("--production also requires the production-only variables", () => {
    const result = envCheck(["--production"], { ROOT_DOMAIN: "example.com" });
    expect(result.code).toBe(1);
    for (const name of ["DATABASE_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "AUTH_SIGNING_KEYS"]) {
      expect(result.out).toContain(`${name} is not set`);
    }
  });

  it("rejects unknown arguments", () => {
    expect(envCheck(["--prod"], {}).code).toBe(2);
  });
});
