// `pnpm db:reset [--yes]`: wipes the local dev data — the embedded Postgres cluster, the seed
// markers and the dev signing keys, all under `.data/` — so the next `pnpm dev` starts from an
// empty database, migrates and seeds again. It never touches a database named by DATABASE_URL
// (drop that yourself) and refuses while the dev Postgres is running (stop `pnpm dev` first).
// Asks for confirmation on a terminal; without one, `--yes` is required.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { DEV_POSTGRES_PORT } from "../ensure-postgres";
import { isPortOpen } from "../find-free-port";
import { findRepoRoot } from "../find-repo-root";
import { loadRootEnvFiles } from "../load-env-files";

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--yes" && arg !== "-y");
if (unknown.length > 0) {
  console.error(`unknown argument: ${unknown.join(" ")}\nusage: pnpm db:reset [--yes]`);
  process.exit(2);
}

const repoRoot = findRepoRoot();
loadRootEnvFiles(repoRoot);
const dataDir = join(repoRoot, ".data");

if (process.env.DATABASE_URL) {
  console.error(
    "[db:reset] DATABASE_URL is set: this command only wipes the embedded dev database under .data/. Drop your own database with your own tools.",
  );
  process.exit(1);
}
if (await isPortOpen("127.0.0.1", DEV_POSTGRES_PORT)) {
  console.error(
    `[db:reset] the dev Postgres is running on :${DEV_POSTGRES_PORT}: stop \`pnpm dev\` / \`pnpm services\` first.`,
  );
  process.exit(1);
}
if (!existsSync(dataDir)) {
  console.error("[db:reset] nothing to wipe: .data/ does not exist.");
  process.exit(0);
}

if (!args.includes("--yes") && !args.includes("-y")) {
  if (!process.stdin.isTTY) {
    console.error("[db:reset] refusing to wipe without confirmation: run `pnpm db:reset --yes`.");
    process.exit(1);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`Delete ${dataDir} (dev database, seed markers, dev signing keys)? Type "reset": `);
  rl.close();
  if (answer.trim() !== "reset") {
    console.error("[db:reset] cancelled; nothing was deleted.");
    process.exit(1);
  }
}

rmSync(dataDir, { recursive: true, force: true });
console.error("[db:reset] wiped .data/ — the next `pnpm dev` creates, migrates and seeds a fresh database.");
