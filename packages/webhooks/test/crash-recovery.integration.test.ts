// Kill -9 the worker while its HTTP request is in flight: once another worker runs, the event is
// delivered (the in-flight delivery's lease expires and the sweep re-queues it), with the same
// `webhook-id` as the interrupted attempt.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { webhookDeliveries } from "@repo/db/control-plane";
import { sessions, users } from "@repo/db/tenant";
import { createWebhookEndpoint } from "@repo/webhooks/endpoints";
import { appendEvent, requestOutboxRelay } from "@repo/webhooks/events";
import { startWebhookWorker, type WebhookWorkerSettings } from "@repo/webhooks/worker";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabases, type TestDatabases } from "./support/test-databases";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";

const settings: Partial<WebhookWorkerSettings> = {
  allowPrivateUrls: true,
  requestTimeoutMs: 1_000,
  retry: { baseDelayMs: 50, factor: 2, maxDelayMs: 200, maxAttempts: 5 },
  sweepIntervalMs: 250,
  overdueAfterMs: 0,
};

let dbs: TestDatabases;
let receiver: WebhookReceiver;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dbs = await createTestDatabases();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await receiver.close();
  await dbs.cleanup();
});

function startChildWorker(): Promise<ChildProcess> {
  const script = fileURLToPath(new URL("./support/worker-process.ts", import.meta.url));
  const config = JSON.stringify({ controlPlaneUrl: dbs.controlPlaneUrl, tenantUrl: dbs.tenantUrl, settings });
  const proc = spawn(process.execPath, ["--import", "tsx", script, config], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("child worker did not start within 60 s")), 60_000);
    proc.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("worker ready")) {
        clearTimeout(timer);
        resolve(proc);
      }
    });
    proc.once("exit", (code) => reject(new Error(`child worker exited early (${code})`)));
  });
}

it("delivers once a new worker runs after the first was SIGKILLed mid-delivery, with the same webhook-id", async () => {
  const { secret } = await createWebhookEndpoint(
    dbs.controlPlane.db,
    { tenantId: dbs.tenant.id, url: receiver.url, events: ["user.signed_in"] },
    { allowPrivate: true },
  );
  receiver.setSecret(secret);
  receiver.setRespond(({ index }) => (index === 0 ? "hang" : 204));
  child = await startChildWorker();

  const eventId = await dbs.tenantDb.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email: "crash@example.test", name: "Crash" }).returning();
    const expiresAt = new Date(Date.now() + 3600_000);
    await tx.insert(sessions).values({ sid: "crash-sid", userId: user!.id, expiresAt });
    const { id } = await appendEvent(tx, {
      type: "user.signed_in",
      data: {
        user: { id: user!.id, email: user!.email },
        session: { id: "crash-sid", expiresAt: expiresAt.toISOString() },
        method: "credentials",
        ip: null,
        userAgent: null,
      },
    });
    return id;
  });
  await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
  await receiver.waitFor((r) => r.length === 1); // the child's request is now hanging in flight
  const exited = new Promise((r) => child!.once("exit", r));
  child.kill("SIGKILL");
  await exited;
  const [pending] = await dbs.controlPlane.db.select().from(webhookDeliveries);
  expect(pending!.status).toBe("pending");

  const worker = await startWebhookWorker({
    controlPlaneUrl: dbs.controlPlaneUrl,
    getTenantDb: dbs.getTenantDb,
    settings,
  });
  try {
    await receiver.waitFor((r) => r.length >= 2, 30_000);
    expect(receiver.received.map((r) => r.id)).toEqual([eventId, eventId]);
    expect(receiver.received.every((r) => r.isVerified)).toBe(true);
    await expect
      .poll(async () => (await dbs.controlPlane.db.select().from(webhookDeliveries))[0]?.status, { timeout: 10_000 })
      .toBe("succeeded");
  } finally {
    await worker.stop();
  }
});
