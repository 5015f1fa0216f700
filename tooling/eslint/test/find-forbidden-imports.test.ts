// The transitive import check reads a file's RUNTIME imports the way a bundler does: erased
// type-only imports are skipped, everything else (side-effect, inline `type` specifiers under
// verbatimModuleSyntax, re-exports, dynamic import, require) is followed.
import { describe, expect, it } from "vitest";
import { runtimeImports } from "../find-forbidden-imports.js";

describe("runtimeImports", () => {
  it.each<[string, string, string[]]>([
    ["value import", `import { a } from "x";`, ["x"]],
    ["default + namespace", `import d from "x"; import * as n from "y";`, ["x", "y"]],
    ["side-effect import", `import "x";`, ["x"]],
    ["import type (erased)", `import type { A } from "x";`, []],
    ["inline type specifier (kept as a side-effect import)", `import { type A } from "x";`, ["x"]],
    ["export from", `export { a } from "x"; export * from "y";`, ["x", "y"]],
    ["export type from (erased)", `export type { A } from "x";`, []],
    ["dynamic import", `async function f() { await import("node:fs"); }`, ["node:fs"]],
    ["require", `const p = require("postgres");`, ["postgres"]],
    ["import equals", `import fs = require("fs");`, ["fs"]],
    ["a string that only looks like one", `const s = 'import "x"';`, []],
  ])("%s", (_label, code, expected) => {
    expect(runtimeImports("f.ts", code)).toEqual(expected);
  });
});
