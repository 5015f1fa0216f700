// Every `exports` entry of every workspace package points at a file that exists, so a renamed
// or deleted module breaks here instead of in a consumer's build.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

type Exports = string | { [key: string]: Exports } | null;

/** Every file target of an exports map (string values, conditional objects, nested). */
function exportTargets(exports: Exports, key = "."): { key: string; target: string }[] {
  if (exports === null) return [];
  if (typeof exports === "string") return [{ key, target: exports }];
  return Object.entries(exports).flatMap(([name, value]) => exportTargets(value, name.startsWith(".") ? name : key));
}

const packages = ["apps", "packages", "tooling"].flatMap((group) =>
  readdirSync(join(repoRoot, group))
    .map((name) => join(repoRoot, group, name, "package.json"))
    .filter((file) => existsSync(file))
    .map((file) => ({
      dir: dirname(file),
      json: JSON.parse(readFileSync(file, "utf8")) as { name: string; exports?: Exports },
    })),
);

describe("package exports", () => {
  it("finds the workspace packages", () => {
    expect(packages.map((p) => p.json.name)).toEqual(
      expect.arrayContaining(["@repo/auth", "@repo/db", "@repo/tenancy"]),
    );
  });

  it.each(packages.filter((p) => p.json.exports !== undefined).map((p) => [p.json.name, p] as const))(
    "%s: every exports entry resolves to an existing file",
    (_name, pkg) => {
      const targets = exportTargets(pkg.json.exports!);
      expect(targets.length).toBeGreaterThan(0);
      const missing = targets.filter(({ target }) => !target.includes("*") && !existsSync(join(pkg.dir, target)));
      expect(missing).toEqual([]);
    },
  );
});
