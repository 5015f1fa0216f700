// As root, embedded Postgres runs as the `postgres` OS user: a clone (or data dir) below a
// mode-700 directory must stop with a clear postgres_dir_unreadable, not an obscure initdb error.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertParentsTraversableByOthers, ServicesError } from "@repo/services";
import { afterAll, describe, expect, it } from "vitest";

const isRoot = process.getuid?.() === 0;
const base = mkdtempSync(join(tmpdir(), "repo-perm-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe.runIf(isRoot)("assertParentsTraversableByOthers (as root)", () => {
  it("rejects a path below a mode-700 directory, naming it and the fix", () => {
    const locked = join(base, "locked");
    mkdirSync(join(locked, "repo"), { recursive: true });
    chmodSync(base, 0o755);
    chmodSync(locked, 0o700);
    const error = (() => {
      try {
        assertParentsTraversableByOthers(join(locked, "repo", "node_modules", "x"));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ServicesError);
    expect((error as ServicesError).code).toBe("postgres_dir_unreadable");
    expect((error as ServicesError).message).toContain(`chmod o+x ${locked}`);
  });

  it("accepts a path whose ancestors are all traversable", () => {
    const open = join(base, "open", "repo");
    mkdirSync(open, { recursive: true });
    chmodSync(base, 0o755);
    expect(() => assertParentsTraversableByOthers(join(open, "x"))).not.toThrow();
  });
});
