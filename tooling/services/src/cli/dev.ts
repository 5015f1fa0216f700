// `pnpm dev`: dev services → migrations (+ demo seed on first start) → `turbo run dev` for web
// (:3000, tenants at http://<slug>.localhost:3000), admin (:3001) and the webhook worker. Ctrl-C stops the apps and
// the services this process started. Env: shell > .env.local > .env > dev defaults.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureOidcDevProvider } from "@repo/oidc-dev-provider";
import { buildDevEnv } from "../build-dev-env";
import { findRepoRoot } from "../find-repo-root";
import { loadRootEnvFiles } from "../load-env-files";
import { prepareDatabase } from "../prepare-database";
import { runCommand } from "../run-command";
import { startServicesOrExit } from "./start-services-or-exit";

const log = (line: string) => console.error(`[dev] ${line}`);
const repoRoot = findRepoRoot();
const envFiles = loadRootEnvFiles(repoRoot);
if (envFiles.length > 0) log(`loaded ${envFiles.join(", ")}`);

const services = await startServicesOrExit("dev");
const env: NodeJS.ProcessEnv = {
  ...buildDevEnv(services.env),
  // Dev receivers usually run on this machine (http://127.0.0.1:…): allow them, explicitly and
  // only here (tests keep the production-safe default; the E2E stack sets it itself).
  WEBHOOK_ALLOW_PRIVATE_URLS: process.env.WEBHOOK_ALLOW_PRIVATE_URLS ?? "true",
};
log(
  `DATABASE_URL=${env.DATABASE_URL}  REDIS_URL=${env.REDIS_URL}  UPSTASH_REDIS_REST_URL=${env.UPSTASH_REDIS_REST_URL}`,
);

// Seed once per database: a marker keyed by the URL (wiping .data/ re-seeds; `pnpm db:seed` any time).
const seedMarker = join(
  repoRoot,
  ".data",
  `seeded-${createHash("sha1")
    .update(env.DATABASE_URL ?? "")
    .digest("hex")
    .slice(0, 12)}`,
);
const prepared = await prepareDatabase({ repoRoot, env, isSeedWanted: !existsSync(seedMarker), log });
if (!prepared.isOk && prepared.failedStep === "migrate") {
  log(`${prepared.failure} failed — fix it and run \`pnpm dev\` again.`);
  await services.stop();
  process.exit(1);
}
// A failed seed leaves the apps usable (just without demo data): warn and retry next start.
if (!prepared.isOk) log(`WARNING: ${prepared.failure} failed; starting the apps anyway (retry: \`pnpm db:seed\`).`);
if (prepared.isOk && prepared.hasSeeded) {
  mkdirSync(join(repoRoot, ".data"), { recursive: true });
  writeFileSync(seedMarker, `${new Date().toISOString()}\n`);
}

// The dev IdP acme's seeded SSO connection points at (reused when one already runs on :3005).
const idp = await ensureOidcDevProvider(env.ROOT_DOMAIN ?? "localhost:3000");
log(`OIDC dev provider: ${idp.issuer}${idp.isReused ? " (reused)" : ""} — sso-alice@acme.test / demo-password-1`);

log(`web: http://acme.localhost:3000 (tenant hosts: <slug>.${env.ROOT_DOMAIN})  admin: ${env.ADMIN_ORIGIN}`);
if (env.MAILDEV_URL) log(`mail: ${env.MAILDEV_URL} (every mail the apps send; SMTP ${env.SMTP_URL})`);
const exitCode = await runCommand(
  "pnpm",
  ["turbo", "run", "dev", "--filter", "@repo/web", "--filter", "@repo/admin", "--filter", "@repo/worker"],
  {
    env,
    cwd: repoRoot,
  },
);
await idp.stop();
await services.stop();
process.exit(exitCode);
