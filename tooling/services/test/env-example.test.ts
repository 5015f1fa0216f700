// Every environment variable the code reads is documented in .env.example (with a comment line
// right above it) and declared in turbo.json `globalEnv` (turbo's strict mode hides the rest),
// and neither lists a variable nothing reads.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const read = (path: string) => readFileSync(join(repoRoot, path), "utf8");

/** Read by libraries (Next.js, Auth.js, CI systems), not by our own code. */
const readByFrameworks = ["NODE_ENV", "CI", "AUTH_SECRET", "AUTH_TRUST_HOST", "AUTH_URL"];
/** Set by Next.js itself for our code to read (runtime and build phase), never configuration. */
const setByFrameworks = ["NEXT_RUNTIME", "NEXT_PHASE"];
/** Read by name, not as `process.env.X`: the services' env table and `env:NAME` server references. */
const readByName = ["DATABASE_URL_2", "MAILDEV_URL"];

function variablesReadByCode(): Set<string> {
  const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.js", "*.mjs"], { cwd: repoRoot, encoding: "utf8" })
    .split("\n")
    // Tests and E2E set their own private variables in-process; they are not configuration.
    .filter((file) => file && !/(^|\/)(test|e2e)\//.test(file) && !file.endsWith(".test.ts"));
  const names = new Set<string>();
  for (const file of files) {
    const text = read(file);
    for (const match of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)|process\.env\[["']([A-Z][A-Z0-9_]*)["']\]/g)) {
      names.add((match[1] ?? match[2])!);
    }
    if (file.endsWith("/env.ts")) {
      // Keys of the zod schemas passed to createEnv (`NAME: z....`).
      for (const match of text.matchAll(/^\s+([A-Z][A-Z0-9_]*):\s*(z\s*\.|[a-zA-Z]+Schema|[a-z][A-Za-z]+\.)/gm))
        names.add(match[1]!);
    }
  }
  return names;
}

function documentedVariables(): Map<string, string> {
  const lines = read(".env.example").split("\n");
  const documented = new Map<string, string>();
  lines.forEach((line, i) => {
    const match = /^#?\s?([A-Z][A-Z0-9_]*)=/.exec(line);
    if (match) documented.set(match[1]!, lines[i - 1] ?? "");
  });
  return documented;
}

describe(".env.example and turbo.json globalEnv", () => {
  const read_ = variablesReadByCode();
  const documented = documentedVariables();
  const globalEnv = new Set((JSON.parse(read("turbo.json")) as { globalEnv: string[] }).globalEnv);

  it("found the variables (sanity)", () => {
    expect(read_).toContain("DATABASE_URL");
    expect(read_).toContain("TENANT_CONNECTION_BUDGET");
  });

  it("documents every variable the code reads, each with a one-line comment above it", () => {
    const missing = [...read_].filter((name) => !documented.has(name) && !setByFrameworks.includes(name));
    expect(missing).toEqual([]);
    const uncommented = [...documented].filter(
      ([, above]) => !/^#\s+\S/.test(above) || /^#\s?[A-Z][A-Z0-9_]*=/.test(above),
    );
    expect(uncommented.map(([name]) => name)).toEqual([]);
  });

  it("declares every documented variable in turbo.json globalEnv, and nothing else", () => {
    expect([...documented.keys()].filter((name) => !globalEnv.has(name))).toEqual([]);
    expect([...globalEnv].filter((name) => !documented.has(name))).toEqual([]);
  });

  it("documents no variable that nothing reads", () => {
    const unread = [...documented.keys()].filter(
      (name) => !read_.has(name) && !readByFrameworks.includes(name) && !readByName.includes(name),
    );
    expect(unread).toEqual([]);
  });
});
