// Contract test for the house boundary rules (one-way dependencies, env only in env.ts, web-standard proxy code): lints small fixtures with the real
// workspace configs, as `pnpm lint` does. One ESLint process per workspace, because the preset's
// globs resolve relative to each workspace's eslint.config.js (and typescript-eslint infers one
// tsconfig root per process).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

type Fixture = { file: string; code: string; rules: string[] };

/** Lints each fixture's text as if it were `file` inside `workspace`; returns the rule ids hit. */
function lintFixtures(workspace: string, fixtures: Fixture[]): string[][] {
  const script = `
    import { ESLint } from "eslint";
    const fixtures = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { file, code } of fixtures) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push([...new Set(result.messages.map((m) => m.ruleId ?? "fatal: " + m.message))].sort());
    }
    console.log(JSON.stringify(out));`;
  const cwd = join(repoRoot, workspace);
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(fixtures)], {
    cwd,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`eslint failed in ${workspace}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as string[][];
}

function expectRules(workspace: string, fixtures: Fixture[]) {
  const actual = lintFixtures(workspace, fixtures);
  expect(fixtures.map((f, i) => ({ file: f.file, code: f.code, rules: actual[i] }))).toEqual(
    fixtures.map((f) => ({ ...f, rules: [...f.rules].sort() })),
  );
}

const use = (name: string) => `export const used = ${name};`;

describe("boundary rules", () => {
  it("packages/tenancy: deep imports, cross-workspace paths, env outside env.ts, node: in edge files", () => {
    expectRules("packages/tenancy", [
      {
        file: "src/x.ts",
        code: `import { tenants } from "@repo/db/src/control-plane/tenants"; ${use("tenants")}`,
        rules: ["no-restricted-imports"],
      },
      { file: "src/x.ts", code: `import { a } from "@repo/db/src"; ${use("a")}`, rules: ["no-restricted-imports"] },
      { file: "src/x.ts", code: `import { tenants } from "@repo/db/control-plane"; ${use("tenants")}`, rules: [] },
      {
        file: "src/x.ts",
        code: `import { a } from "../../db/src/index"; ${use("a")}`,
        rules: ["repo/no-cross-workspace-import"],
      },
      {
        file: "src/x.ts",
        code: `import { a } from "../../../apps/web/src/env"; ${use("a")}`,
        rules: ["no-restricted-imports", "repo/no-cross-workspace-import"],
      },
      { file: "src/router/x.ts", code: `import { a } from "../errors"; ${use("a")}`, rules: [] },
      { file: "src/x.ts", code: use("process.env.FOO"), rules: ["no-restricted-properties"] },
      { file: "src/x.ts", code: `const { env } = process; ${use("env.FOO")}`, rules: ["no-restricted-properties"] },
      {
        file: "src/x.ts",
        code: `import { env } from "node:process"; ${use("env.FOO")}`,
        rules: ["no-restricted-imports"],
      },
      { file: "src/env.ts", code: use("process.env.FOO"), rules: [] },
      { file: "test/x.test.ts", code: use("process.env.FOO"), rules: [] },
      {
        file: "src/host/x.ts",
        code: `import { randomUUID } from "node:crypto"; ${use("randomUUID")}`,
        rules: ["no-restricted-imports"],
      },
      {
        file: "src/host/x.ts",
        code: `import { randomUUID } from "crypto"; ${use("randomUUID")}`,
        rules: ["no-restricted-imports"],
      },
      {
        file: "src/host/x.ts",
        code: `import { sql } from "drizzle-orm"; ${use("sql")}`,
        rules: ["no-restricted-imports"],
      },
      { file: "src/host/x.ts", code: use(`Buffer.from("a")`), rules: ["no-restricted-globals"] },
      { file: "src/host/x.ts", code: use("crypto.randomUUID()"), rules: [] },
    ]);
  });

  it("apps/web: the proxy is an edge file; app code reads no env", () => {
    expectRules("apps/web", [
      {
        file: "src/proxy.ts",
        code: `import { randomUUID } from "node:crypto"; ${use("randomUUID")}`,
        rules: ["no-restricted-imports"],
      },
      { file: "src/proxy.ts", code: `import { getTenantDb } from "@repo/tenancy"; ${use("getTenantDb")}`, rules: [] },
      {
        file: "src/proxy.ts",
        code: `import { getTenantDb } from "@repo/tenancy/src/index"; ${use("getTenantDb")}`,
        rules: ["no-restricted-imports"],
      },
      { file: "src/app/page.ts", code: use("process.env.FOO"), rules: ["no-restricted-properties"] },
      {
        file: "src/app/page.ts",
        code: `import { a } from "../../../admin/src/env"; ${use("a")}`,
        rules: ["repo/no-cross-workspace-import"],
      },
    ]);
  });

  it("tooling/services: env plumbing may read process.env; deep imports are still banned", () => {
    expectRules("tooling/services", [
      { file: "src/x.ts", code: use("process.env.FOO"), rules: [] },
      {
        file: "src/x.ts",
        code: `import { a } from "@repo/db/src/index"; ${use("a")}`,
        rules: ["no-restricted-imports"],
      },
    ]);
  });
});
