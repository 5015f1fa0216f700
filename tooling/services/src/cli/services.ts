// `pnpm services`: starts (or reuses) the dev Postgres (:54329, data in .data/postgres), Redis
// (:6379) and the Upstash-REST bridge (:8079) in the foreground and prints their URLs.
// Ctrl-C stops what this process started; services that were already running are left alone.
import { loadRootEnvFiles } from "../load-env-files";
import { findRepoRoot } from "../find-repo-root";
import { printServicesEnv, startServicesOrExit } from "./start-services-or-exit";

loadRootEnvFiles(findRepoRoot());
const services = await startServicesOrExit("dev");
printServicesEnv(services);

if (services.started.length === 0) {
  console.error("[services] everything was already running; nothing to keep alive.");
  process.exit(0);
}
console.error("[services] running — press Ctrl-C to stop.");
const keepAlive = setInterval(() => {}, 1 << 30);
const shutdown = async () => {
  clearInterval(keepAlive);
  await services.stop();
  process.exit(0);
};
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());
