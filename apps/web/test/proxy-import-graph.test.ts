// The proxy stays web-standard: everything it imports, transitively (through `@/` aliases and
// workspace packages), is free of database drivers, next-auth/@auth/core server code and
// `node:` modules. The Node-side capabilities reach it through the port registered at server
// start (src/server/proxy-runtime.ts), never through an import.
import { fileURLToPath } from "node:url";
import { findForbiddenImports, formatViolations, repoRoot } from "@repo/eslint-config/import-graph";
import { describe, expect, it } from "vitest";

const app = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const graph = (entry: string) =>
  findForbiddenImports({ entry: app(entry), tsconfig: app("tsconfig.json"), root: repoRoot });

describe("the web proxy's import graph", () => {
  it("reaches no database driver, no next-auth/@auth/core and no node: module", () => {
    const { files, externals, violations } = graph("src/proxy.ts");
    expect(formatViolations(violations)).toBe("");
    // The walk really crossed into the packages (not a vacuous pass).
    expect(files).toContain("packages/auth/src/gate/authorize-request.ts");
    expect(files).toContain("apps/web/src/server/proxy-runtime.ts");
    expect(externals).toContain("jose");
  });

  it("the check catches a forbidden module several imports away (the Node-side root)", () => {
    const { violations } = graph("src/server/register-proxy-runtime.ts");
    const modules = new Set(violations.map((v) => v.module.split("/")[0]));
    expect(modules).toContain("drizzle-orm");
    expect(violations.some((v) => v.module === "next-auth" || v.module.startsWith("node:"))).toBe(true);
    const viaTouch = violations.find((v) => v.chain.includes("apps/web/src/server/identity/touch-session-last-use.ts"));
    expect(viaTouch?.chain[0]).toBe("apps/web/src/server/register-proxy-runtime.ts");
  });
});
