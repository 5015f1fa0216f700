// The admin proxy is web-standard like the tenant proxy: everything it imports, transitively,
// is free of database drivers, next-auth/@auth/core server code and `node:` modules. Its
// Node-side options arrive through the port registered at server start
// (src/server/auth/proxy-runtime.ts).
import { fileURLToPath } from "node:url";
import { findForbiddenImports, formatViolations, repoRoot } from "@repo/eslint-config/import-graph";
import { describe, expect, it } from "vitest";

const app = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

describe("the admin proxy's import graph", () => {
  it("reaches no database driver, no next-auth/@auth/core and no node: module", () => {
    const { files, violations } = findForbiddenImports({
      entry: app("src/proxy.ts"),
      tsconfig: app("tsconfig.json"),
      root: repoRoot,
    });
    expect(formatViolations(violations)).toBe("");
    expect(files).toContain("packages/auth/src/gate/verify-session.ts");
    expect(files).toContain("apps/admin/src/server/auth/check-operator-token.ts");
  });
});
