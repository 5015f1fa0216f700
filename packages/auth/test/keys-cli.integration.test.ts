// `pnpm auth:keys` end to end: the real script in a scratch directory (its own .env.local).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parseSigningJwks } from "@repo/auth/token";

const run = promisify(execFile);
const packageDir = join(import.meta.dirname, "..");
const tsx = join(packageDir, "node_modules", ".bin", "tsx");
const script = join(packageDir, "scripts", "keys.ts");
const dir = mkdtempSync(join(tmpdir(), "auth-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function keys(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, AUTH_SIGNING_KEYS: "" };
  try {
    const { stdout, stderr } = await run(tsx, [script, ...args], { cwd: dir, env, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const readSet = () =>
  parseSigningJwks(
    readFileSync(join(dir, ".env.local"), "utf8")
      .trim()
      .replace(/^AUTH_SIGNING_KEYS='|'$/g, ""),
  );

describe("pnpm auth:keys", () => {
  it("--help describes every command and flag", { timeout: 30_000 }, async () => {
    const { code, stdout } = await keys("--help");
    expect(code).toBe(0);
    for (const word of ["generate", "publish", "promote", "retire", "print", "--force", "--alg", "--print"])
      expect(stdout).toContain(word);
  });

  it("stages a rotation and refuses the dangerous steps without --force", { timeout: 60_000 }, async () => {
    expect((await keys("generate")).code).toBe(0);
    const [first] = readSet();
    expect(first).toMatchObject({ status: "signing" });

    const again = await keys("generate");
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(readSet()[0]!.kid).toBe(first!.kid);

    expect((await keys("publish")).code).toBe(0);
    const [published] = readSet();
    expect(published).toMatchObject({ status: "published" });

    const early = await keys("promote", published!.kid);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("--force");
    expect((await keys("retire", first!.kid)).stderr).toMatch(/signs new tokens/);

    expect((await keys("promote", published!.kid, "--force")).code).toBe(0);
    expect(readSet().map((k) => [k.kid, k.status])).toEqual([
      [published!.kid, "signing"],
      [first!.kid, "retiring"],
    ]);
    const inUse = await keys("retire", first!.kid);
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toMatch(/stopped signing/);

    const listing = await keys("print");
    expect(listing.stdout).toMatch(new RegExp(`signing\\s+${published!.kid}`));
    expect(listing.stdout).toMatch(new RegExp(`retiring\\s+${first!.kid}`));
  });
});
