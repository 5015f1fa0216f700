// Starts a webhook worker in this process: graphile-worker (jobs in the control-plane database,
// LISTEN/NOTIFY so a new job starts within milliseconds) running the relay and delivery tasks,
// plus the heartbeat/sweep timer. Several processes can run side by side: graphile-worker hands
// each job to one of them (SKIP LOCKED) and the delivery lease stops a second concurrent send.
import { hostname } from "node:os";
import { createControlPlaneDb } from "@repo/db/control-plane";
import type { TenantDb } from "@repo/db/tenant";
import { Logger, run, type Runner, type Task } from "graphile-worker";
import { RELAY_TASK, type OutboxSource } from "../events/request-outbox-relay";
import { DELIVER_TASK } from "../queue/enqueue-delivery-sql";
import { deliverWebhook } from "./deliver-webhook";
import { relayOutbox } from "./relay-outbox";
import { createGuardedAgent } from "./send-webhook";
import { sweepOutboxes } from "./sweep-outboxes";
import type { WorkerContext } from "./worker-context";
import { DEFAULT_WORKER_SETTINGS, type WebhookWorkerSettings } from "./worker-settings";

export type StartWebhookWorkerOptions = {
  controlPlaneUrl: string;
  getTenantDb: (tenantId: string) => TenantDb;
  settings?: Partial<WebhookWorkerSettings>;
  workerId?: string;
};

export type WebhookWorker = {
  workerId: string;
  /** Runs one heartbeat + sweep now (tests; the timer does this every `sweepIntervalMs`). */
  sweep: () => Promise<void>;
  /** Graceful stop: running jobs finish, then connections close. */
  stop: () => Promise<void>;
};

export async function startWebhookWorker(options: StartWebhookWorkerOptions): Promise<WebhookWorker> {
  const settings: WebhookWorkerSettings = { ...DEFAULT_WORKER_SETTINGS, ...options.settings };
  const workerId = options.workerId ?? `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const controlPlane = createControlPlaneDb(options.controlPlaneUrl, {
    max: settings.concurrency + 2,
    applicationName: "repo-webhook-worker",
  });
  const log: WorkerContext["log"] = (level, message, meta) => console[level](`[webhooks] ${message}`, meta ?? "");
  const ctx: WorkerContext = {
    workerId,
    controlPlane: controlPlane.db,
    getTenantDb: options.getTenantDb,
    settings,
    agent: createGuardedAgent({ allowPrivate: settings.allowPrivateUrls, timeoutMs: settings.requestTimeoutMs }),
    log,
  };
  const taskList: Record<string, Task> = {
    [RELAY_TASK]: async (payload) => void (await relayOutbox(ctx, payload as OutboxSource)),
    [DELIVER_TASK]: async (payload) => deliverWebhook(ctx, (payload as { deliveryId: string }).deliveryId),
  };
  let runner: Runner;
  try {
    runner = await run({
      connectionString: options.controlPlaneUrl,
      concurrency: settings.concurrency,
      noHandleSignals: true,
      pollInterval: 2_000,
      taskList,
      logger: new Logger(() => (level, message) => {
        if (level === "error" || level === "warning") console.error(`[webhooks:graphile-worker] ${message}`);
      }),
    });
  } catch (error) {
    await controlPlane.close();
    await ctx.agent.close();
    throw error;
  }

  let sweeping: Promise<void> | null = null;
  const sweep = (): Promise<void> => {
    sweeping ??= sweepOutboxes(ctx)
      .catch((error: unknown) => log("error", "sweep failed", { error: String(error) }))
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };
  await sweep();
  const timer = setInterval(() => void sweep(), settings.sweepIntervalMs);
  timer.unref();

  return {
    workerId,
    sweep,
    stop: async () => {
      clearInterval(timer);
      await sweeping;
      await runner.stop();
      await ctx.agent.close();
      await controlPlane.close();
    },
  };
}
