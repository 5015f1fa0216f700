// E2E stack launcher: Playwright's `webServer` (root playwright.config.ts) runs this.
// Starts throwaway Postgres + Redis + Upstash-REST bridge and maildev on SMTP :1025 / web :1080
// (or reuses the URLs in env / a maildev already there), runs
// migrations and the seed, then `next start` for web (:3000) and admin (:3001) from their
// existing production builds (`pnpm build` first) and the webhook worker, prints "E2E stack ready" and runs until
// SIGTERM/SIGINT, when it stops the servers and every service it started.
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isPortOpen } from "../find-free-port";
import { ensureOidcDevProvider } from "@repo/oidc-dev-provider";
import { findRepoRoot } from "../find-repo-root";
import { runCommand } from "../run-command";
import { ensureDevMaildev } from "../ensure-maildev";
import { startServices } from "../start-services";

const WEB_PORT = 3000;
const ADMIN_PORT = 3001;
const READY_TIMEOUT_MS = 120_000;
/** Both servers' output, for specs that inspect the logs (e.g. no session cookie in them). */
const E2E_SERVER_LOG = ".reports/e2e-server.log";

type App = { name: "web" | "admin"; dir: string; port: number };

const repoRoot = findRepoRoot();
const apps: App[] = [
  { name: "web", dir: join(repoRoot, "apps/web"), port: WEB_PORT },
  { name: "admin", dir: join(repoRoot, "apps/admin"), port: ADMIN_PORT },
];
const serverLog = join(repoRoot, E2E_SERVER_LOG);
mkdirSync(dirname(serverLog), { recursive: true });
writeFileSync(serverLog, "");
const children = new Set<ChildProcess>();
let stopServices: () => Promise<void> = async () => {};
let stopIdp: () => Promise<void> = async () => {};
let isShuttingDown = false;

function log(message: string): void {
  process.stdout.write(`[e2e-stack] ${message}\n`);
}

/** A fresh ES256 signing key set (AUTH_SIGNING_KEYS format) so E2E never needs real secrets. */
function generateSigningKeys(): string {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" });
  const kid = `e2e-${randomBytes(4).toString("hex")}`;
  return JSON.stringify({ keys: [{ ...jwk, kid, alg: "ES256", use: "sig", iat: Math.floor(Date.now() / 1000) }] });
}

/** Runs a command to completion with `env`, streaming its output; throws on a non-zero exit. */
async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const code = await runCommand(command, args, { env, cwd: repoRoot });
  if (code !== 0) throw new Error(`\`${command} ${args.join(" ")}\` failed (exit ${code})`);
}

/** Starts `next start` for an app directly (no pnpm wrapper, so signals reach Next). */
function startNext(app: App, env: NodeJS.ProcessEnv): ChildProcess {
  const nextBin = createRequire(join(app.dir, "package.json")).resolve("next/dist/bin/next");
  // `-H localhost`, not 127.0.0.1: with an IP bind host, Next treats the proxy's same-origin
  // rewrites (denial pages) as external proxy hops and the page sees the wrong host.
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(app.port), "--hostname", "localhost"], {
    cwd: app.dir,
    env: { ...env, PORT: String(app.port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((line) => `[${app.name}] ${line}\n`)
      .join("");
  child.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(prefix(chunk));
    appendFileSync(serverLog, chunk);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(prefix(chunk));
    appendFileSync(serverLog, chunk);
  });
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!isShuttingDown) {
      log(`${app.name} exited unexpectedly (${signal ?? `exit ${code}`}); stopping the stack`);
      void shutdown(1);
    }
  });
  return child;
}

/** Starts the webhook worker (apps/worker) directly with tsx, so signals reach it. */
function startWorker(env: NodeJS.ProcessEnv): ChildProcess {
  const dir = join(repoRoot, "apps/worker");
  const tsxCli = createRequire(join(dir, "package.json")).resolve("tsx/cli");
  const child = spawn(process.execPath, [tsxCli, "src/main.ts"], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((line) => `[worker] ${line}\n`)
      .join("");
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!isShuttingDown) {
      log(`worker exited unexpectedly (${signal ?? `exit ${code}`}); stopping the stack`);
      void shutdown(1);
    }
  });
  return child;
}

/** Resolves once anything answers HTTP on the port (a 404 for the bare host is fine). */
async function waitForHttp(app: App): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${app.port}/`, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${app.name} did not answer on :${app.port} within ${READY_TIMEOUT_MS / 1000} s`);
}

async function shutdown(exitCode: number): Promise<void> {
  if (isShuttingDown) return;
  isShuttingDown = true;
  for (const child of children) {
    // Negative pid: the whole process group (Next forks workers).
    if (child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  await Promise.race([
    Promise.all([...children].map((child) => new Promise((r) => child.once("exit", r)))),
    new Promise((r) => setTimeout(r, 8_000)),
  ]);
  await stopIdp();
  await stopServices();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const missing = apps.filter((app) => !existsSync(join(app.dir, ".next", "BUILD_ID")));
  if (missing.some((app) => app.name === "web")) {
    throw new Error("apps/web has no production build. Run `pnpm build && pnpm test:e2e`.");
  }
  for (const app of missing) log(`WARNING: ${app.name} has no production build (pnpm build); it will not start`);
  for (const app of apps) {
    if (await isPortOpen("127.0.0.1", app.port)) {
      throw new Error(
        `port ${app.port} is already in use: stop what listens there (E2E never reuses a running server).`,
      );
    }
  }

  // Mail on the contract ports (SMTP 1025, web/REST 1080) so specs read it at a known address.
  const mail = await ensureDevMaildev({ smtpUrl: process.env.SMTP_URL, maildevUrl: process.env.MAILDEV_URL });
  const services = await startServices("test", {
    ...process.env,
    SMTP_URL: mail.url,
    ...(mail.webUrl ? { MAILDEV_URL: mail.webUrl } : {}),
  });
  stopServices = async () => {
    await services.stop();
    await mail.stop();
  };
  if (mail.startedDescription) log(`started ${mail.startedDescription}`);
  if (services.started.length > 0) log(`started ${services.started.join(", ")}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    NODE_ENV: "production",
    ROOT_DOMAIN: process.env.ROOT_DOMAIN ?? `localhost:${WEB_PORT}`,
    WEB_ORIGIN: process.env.WEB_ORIGIN ?? `http://localhost:${WEB_PORT}`,
    ADMIN_ORIGIN: process.env.ADMIN_ORIGIN ?? `http://localhost:${ADMIN_PORT}`,
    AUTH_SIGNING_KEYS: process.env.AUTH_SIGNING_KEYS ?? generateSigningKeys(),
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    // Tenant database roles' passwords derive from it; db:migrate re-keys existing roles to it.
    TENANT_DB_ROLE_SECRET: process.env.TENANT_DB_ROLE_SECRET ?? randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    // Production mode requires a sender; mail goes to the stack's maildev (SMTP_URL above).
    MAIL_FROM: process.env.MAIL_FROM ?? '"Platform (E2E)" <no-reply@localhost>',
    // `next start` runs with NODE_ENV=production over plain http: no Secure/__Host- cookies.
    AUTH_COOKIE_SECURE: process.env.AUTH_COOKIE_SECURE ?? "false",
    // Two Next servers and a browser share two cores here: give the revocation round trip
    // more than the 50 ms production budget so a slow tick isn't a (fail-closed) 503.
    REVOCATION_TIMEOUT_MS: process.env.REVOCATION_TIMEOUT_MS ?? "1000",
    // Same reason for the tenant-registry lookup (1 s in production): a cold Next server's first
    // control-plane query (new connection) under that load took longer and failed a sign-in page.
    TENANT_LOOKUP_TIMEOUT_MS: process.env.TENANT_LOOKUP_TIMEOUT_MS ?? "5000",
    // The E2E webhook receivers listen on http://127.0.0.1: allow that, explicitly (production
    // mode otherwise requires https URLs that resolve to public addresses).
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    WEBHOOK_SWEEP_INTERVAL_MS: process.env.WEBHOOK_SWEEP_INTERVAL_MS ?? "2000",
    // Seals IdP client secrets (seed + console) and opens them at sign-in.
    SSO_SECRET_KEY: process.env.SSO_SECRET_KEY ?? randomBytes(32).toString("base64url"),
  };

  // The real OIDC provider acme's seeded SSO connection uses (http://localhost:3005).
  const idp = await ensureOidcDevProvider(env.ROOT_DOMAIN!);
  stopIdp = idp.stop;
  log(`OIDC dev provider ${idp.issuer}${idp.isReused ? " (reused)" : ""}`);

  log("migrating databases");
  await run("pnpm", ["--filter", "@repo/tenancy", "db:migrate"], env);
  log("seeding tenants, users and operators");
  // The seed refuses NODE_ENV=production (demo passwords); the servers below still run in production mode.
  await run("pnpm", ["--filter", "@repo/admin", "db:seed"], { ...env, NODE_ENV: "test" });

  const started = apps.filter((app) => !missing.includes(app));
  for (const app of started) startNext(app, env);
  startWorker(env);
  await Promise.all(started.map(waitForHttp));
  log(`E2E stack ready: ${started.map((app) => `${app.name} :${app.port}`).join(", ")}`);
}

process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));
main().catch((error: unknown) => {
  process.stderr.write(`[e2e-stack] ${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown(1);
});
