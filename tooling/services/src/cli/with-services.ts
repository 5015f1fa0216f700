// `tsx tooling/services/src/cli/with-services.ts -- <command...>`: ensures the dev services, runs
// the command with their URLs (plus .env/.env.local and the dev defaults) in its env, then stops
// what it started and exits with the command's exit code. Used by `pnpm db:migrate`/`db:seed`.
import { buildDevEnv } from "../build-dev-env";
import { findRepoRoot } from "../find-repo-root";
import { loadRootEnvFiles } from "../load-env-files";
import { runCommand } from "../run-command";
import { startServicesOrExit } from "./start-services-or-exit";

const argv = process.argv.slice(2);
const [command, ...args] = argv[0] === "--" ? argv.slice(1) : argv;
if (!command) {
  console.error("usage: with-services.ts -- <command> [args...]");
  process.exit(2);
}

const repoRoot = findRepoRoot();
loadRootEnvFiles(repoRoot);
const services = await startServicesOrExit("dev");
const exitCode = await runCommand(command, args, { env: buildDevEnv(services.env), cwd: repoRoot });
await services.stop();
process.exit(exitCode);
