// `tsx tooling/services/src/cli/with-env-files.ts -- <command...>`: runs the command with the root
// .env.local/.env loaded under the environment (shell wins), starting no service. Used by the
// production CLIs (`pnpm admin:create-operator`, `pnpm admin:create-tenant`).
import { findRepoRoot } from "../find-repo-root";
import { loadRootEnvFiles } from "../load-env-files";
import { runCommand } from "../run-command";

const argv = process.argv.slice(2);
const [command, ...args] = argv[0] === "--" ? argv.slice(1) : argv;
if (!command) {
  console.error("usage: with-env-files.ts -- <command> [args...]");
  process.exit(2);
}
const repoRoot = findRepoRoot();
loadRootEnvFiles(repoRoot);
process.exit(await runCommand(command, args, { cwd: repoRoot }));
