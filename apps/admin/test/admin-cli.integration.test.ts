// The bootstrap CLIs as a user runs them (a child process, real Postgres): create-operator reads
// the password from stdin and never prints it; bad input exits non-zero with the reason; the demo
// seed refuses NODE_ENV=production.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSuffix, setUpAdminTestEnv, type AdminTestEnv } from "./support/admin-test-env";

const adminDir = fileURLToPath(new URL("..", import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
let env: AdminTestEnv;

function runScript(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [tsxCli, `scripts/${script}.ts`, ...args], {
    cwd: adminDir,
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: env.controlPlaneUrl, ...options.env },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(async () => {
  env = await setUpAdminTestEnv();
}, 60_000);

afterAll(async () => {
  await env?.cleanup();
});

describe("admin CLIs", { timeout: 120_000 }, () => {
  it("create-operator: password from stdin, stored hashed, never printed", async () => {
    const email = `cli-${randomSuffix()}@example.test`;
    const password = `cli-password-${randomSuffix()}`;
    const result = runScript("create-operator", ["--email", email, "--role", "owner"], { input: `${password}\n` });
    expect(result.out).toContain(`created operator ${email} (owner`);
    expect(result.code).toBe(0);
    expect(result.out).not.toContain(password);
    const sql = postgres(env.controlPlaneUrl, { max: 1, onnotice: () => {} });
    const [row] = await sql`select role, password_hash from operators where email = ${email}`;
    await sql.end();
    expect(row?.role).toBe("owner");
    expect(String(row?.password_hash)).toMatch(/^\$argon2id\$/);
  });

  it.each([
    ["short password", ["--email", "a@example.test"], "short", /at least 12 characters/],
    ["bad email", ["--email", "nope"], "long-enough-password", /valid email/],
    ["bad role", ["--email", "b@example.test", "--role", "root"], "long-enough-password", /Role must be one of/],
    ["unknown flag", ["--emial", "c@example.test"], "long-enough-password", /Unknown option/],
    ["duplicate", ["--email", "ops@example.test"], "long-enough-password", /already exists/],
  ])("create-operator refuses %s with the reason", (_name, args, input, reason) => {
    const result = runScript("create-operator", args, { input });
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(reason);
  });

  it("db:seed refuses NODE_ENV=production before touching the database", () => {
    const result = runScript("seed", [], { env: { NODE_ENV: "production" } });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/refusing to seed demo accounts with NODE_ENV=production/);
    expect(result.out).toMatch(/admin:create-operator/);
  });

  it("db:seed failing on the database prints the database's reason", () => {
    const badUrl = new URL(env.controlPlaneUrl);
    badUrl.pathname = `/missing_${randomSuffix()}`;
    const result = runScript("seed", [], { env: { DATABASE_URL: badUrl.toString() } });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/db:seed failed: .*does not exist/);
  });
});
