// `pnpm start`: runs the production builds (`pnpm build` first) — web on WEB_PORT (3000) and
// admin on ADMIN_PORT (3001), each app's standalone `server.js`, bound to HOSTNAME (default
// localhost), and the webhook worker (apps/worker). Env comes from the environment (then the root .env.local/.env); nothing local is
// started: production has real Postgres/Redis, so missing DATABASE_URL, UPSTASH_REDIS_REST_*,
// AUTH_SIGNING_KEYS or ROOT_DOMAIN stop it before anything listens, with every problem listed.
// One process failing stops the others; SIGINT/SIGTERM stop them all.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { checkWorkspaceEnv } from "../check-workspace-env";
import { findRepoRoot } from "../find-repo-root";
import { loadRootEnvFiles } from "../load-env-files";

type ProductionProcess = { name: string; cwd: string; args: string[]; env: NodeJS.ProcessEnv };

const log = (line: string) => console.error(`[start] ${line}`);
if (process.argv.length > 2) {
  console.error("usage: pnpm start   (settings come from the environment; see docs/deploying.md)");
  process.exit(2);
}
const repoRoot = findRepoRoot();
const loaded = loadRootEnvFiles(repoRoot);
if (loaded.length > 0) log(`loaded ${loaded.join(", ")} (the environment wins)`);
process.env.NODE_ENV = "production";

const problems = await checkWorkspaceEnv(repoRoot, { isProduction: true });
if (problems.length > 0) {
  for (const { workspace, message } of problems) console.error(`✗ ${workspace}: ${message}`);
  log("not started. Set the variables above (see .env.example and docs/deploying.md); `pnpm dev` is the local stack.");
  process.exit(1);
}

const hostname = process.env.HOSTNAME ?? "localhost";

/** A Next app's standalone server (`output: "standalone"`), with its static assets in place. */
function nextApp(name: string, port: string): ProductionProcess {
  const appDir = join(repoRoot, "apps", name);
  const standaloneDir = join(appDir, ".next", "standalone", "apps", name);
  if (!existsSync(join(standaloneDir, "server.js"))) {
    log(`apps/${name} has no production build: run \`pnpm build\` first.`);
    process.exit(1);
  }
  // The standalone server serves /_next/static from its own folder; `next build` leaves it out.
  cpSync(join(appDir, ".next", "static"), join(standaloneDir, ".next", "static"), { recursive: true });
  if (existsSync(join(appDir, "public")))
    cpSync(join(appDir, "public"), join(standaloneDir, "public"), { recursive: true });
  return { name, cwd: standaloneDir, args: ["server.js"], env: { PORT: port, HOSTNAME: hostname } };
}

/** The webhook worker (apps/worker), run with tsx from its sources; its heartbeat feeds admin readiness. */
function webhookWorker(): ProductionProcess {
  const workerDir = join(repoRoot, "apps", "worker");
  const tsxCli = createRequire(join(workerDir, "package.json")).resolve("tsx/cli");
  return { name: "worker", cwd: workerDir, args: [tsxCli, "src/main.ts"], env: {} };
}

// Every long-running production process, one line each.
const productionProcesses: ProductionProcess[] = [
  nextApp("web", process.env.WEB_PORT ?? "3000"),
  nextApp("admin", process.env.ADMIN_PORT ?? "3001"),
  webhookWorker(),
];

const children = new Map<ChildProcess, string>();
let isStopping = false;

function stopAll(exitCode: number): void {
  if (isStopping) return;
  isStopping = true;
  for (const child of children.keys()) child.kill("SIGTERM");
  const force = setTimeout(() => {
    for (const child of children.keys()) child.kill("SIGKILL");
  }, 10_000);
  force.unref();
  const waitAll = () => (children.size === 0 ? process.exit(exitCode) : setTimeout(waitAll, 100));
  waitAll();
}

for (const spec of productionProcesses) {
  const child = spawn(process.execPath, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: "inherit",
  });
  children.set(child, spec.name);
  child.once("exit", (code, signal) => {
    children.delete(child);
    if (!isStopping) {
      log(`${spec.name} exited (${signal ?? `exit ${code}`}); stopping the others`);
      stopAll(code || 1);
    }
  });
  log(spec.env.PORT ? `${spec.name}: http://${hostname}:${spec.env.PORT}` : `${spec.name}: running`);
}
process.once("SIGINT", () => stopAll(0));
process.once("SIGTERM", () => stopAll(0));
