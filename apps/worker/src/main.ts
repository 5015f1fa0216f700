// The webhook worker process (`pnpm worker`, and part of `pnpm dev`): the composition root that
// gives @repo/webhooks the tenancy router as its door to tenant databases. Run as many copies as
// you like; SIGTERM/SIGINT stop it gracefully (running deliveries finish first).
import { getTenancy } from "@repo/tenancy";
import { DEFAULT_WORKER_SETTINGS, startWebhookWorker } from "@repo/webhooks/worker";
import { loadWorkerEnv, type WorkerEnv } from "./env";

let env: WorkerEnv;
try {
  env = loadWorkerEnv();
} catch (error) {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const tenancy = getTenancy();
const worker = await startWebhookWorker({
  // The runtime role (DML only), never DATABASE_URL's owner: `pnpm db:migrate` installs the queue.
  controlPlaneUrl: tenancy.getControlPlaneRuntimeUrl(),
  getTenantDb: (tenantId) => tenancy.getTenantDb(tenantId),
  settings: {
    allowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS,
    concurrency: env.WEBHOOK_WORKER_CONCURRENCY,
    requestTimeoutMs: env.WEBHOOK_REQUEST_TIMEOUT_MS,
    retry: {
      ...DEFAULT_WORKER_SETTINGS.retry,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: env.WEBHOOK_RETRY_BASE_MS,
    },
    disableAfterMs: env.WEBHOOK_DISABLE_AFTER_MS,
    sweepIntervalMs: env.WEBHOOK_SWEEP_INTERVAL_MS,
  },
});
console.log(
  `[worker] webhook worker ${worker.workerId} running${env.WEBHOOK_ALLOW_PRIVATE_URLS ? " (private webhook URLs ALLOWED)" : ""}`,
);

let isStopping = false;
async function shutdown(signal: string): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  console.log(`[worker] ${signal}: stopping`);
  await worker.stop();
  await tenancy.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
