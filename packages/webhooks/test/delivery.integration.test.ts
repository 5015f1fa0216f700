// End to end inside the package: outbox write in a real tenant DB transaction → relay → signed
// delivery to a real local receiver that verifies with `standardwebhooks`; retries after 500s;
// failure + auto-disable (with an audit entry); several workers without double delivery.
import { auditLog, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "@repo/db/control-plane";
import { sessions, users } from "@repo/db/tenant";
import {
  createWebhookEndpoint,
  enableWebhookEndpointOrThrow,
  listWebhookDeliveries,
  readWorkerHealth,
  retryWebhookDeliveryOrThrow,
} from "@repo/webhooks/endpoints";
import { appendEvent, requestOutboxRelay, type AuthEvent } from "@repo/webhooks/events";
import { startWebhookWorker, type WebhookWorker, type WebhookWorkerSettings } from "@repo/webhooks/worker";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabases, type TestDatabases } from "./support/test-databases";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";

const FAST: Partial<WebhookWorkerSettings> = {
  allowPrivateUrls: true,
  concurrency: 3,
  requestTimeoutMs: 2_000,
  retry: { baseDelayMs: 50, factor: 2, maxDelayMs: 400, maxAttempts: 4 },
  sweepIntervalMs: 250,
  overdueAfterMs: 0,
};

let dbs: TestDatabases;
let receiver: WebhookReceiver;
const workers: WebhookWorker[] = [];

beforeAll(async () => {
  dbs = await createTestDatabases();
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await dbs.controlPlane.db.delete(webhookEndpoints);
  receiver.received.length = 0;
  receiver.setRespond(() => 204);
});
afterAll(async () => {
  await receiver.close();
  await dbs.cleanup();
});

async function startWorker(settings: Partial<WebhookWorkerSettings> = {}): Promise<WebhookWorker> {
  const worker = await startWebhookWorker({
    controlPlaneUrl: dbs.controlPlaneUrl,
    getTenantDb: dbs.getTenantDb,
    settings: { ...FAST, ...settings },
  });
  workers.push(worker);
  return worker;
}

async function addEndpoint(events: string[] = ["user.signed_in", "user.signed_out"]) {
  const created = await createWebhookEndpoint(
    dbs.controlPlane.db,
    { tenantId: dbs.tenant.id, url: receiver.url, events },
    { allowPrivate: true },
  );
  receiver.setSecret(created.secret);
  return created;
}

/** Signs a user in the way the web app does: session row + event in ONE tenant transaction. */
async function signIn(
  email = `u-${crypto.randomUUID().slice(0, 8)}@example.test`,
): Promise<{ eventId: string; userId: string }> {
  return dbs.tenantDb.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email, name: "U" }).returning();
    const sid = crypto.randomUUID();
    const expiresAt = new Date(Date.now() + 3600_000);
    await tx.insert(sessions).values({ sid, userId: user!.id, expiresAt });
    const event: AuthEvent = {
      type: "user.signed_in",
      data: {
        user: { id: user!.id, email },
        session: { id: sid, expiresAt: expiresAt.toISOString() },
        method: "credentials",
        ip: null,
        userAgent: null,
      },
    };
    const { id } = await appendEvent(tx, event);
    return { eventId: id, userId: user!.id };
  });
}

describe("webhook delivery", () => {
  it("delivers a committed event, signed per Standard Webhooks, with the tenant in its data", async () => {
    await startWorker();
    await addEndpoint();
    const { eventId, userId } = await signIn();
    await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
    await receiver.waitFor((r) => r.length >= 1);
    const [hit] = receiver.received;
    expect(hit!.isVerified).toBe(true);
    expect(hit!.id).toBe(eventId);
    expect(hit!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(hit!.payload).toMatchObject({
      type: "user.signed_in",
      timestamp: expect.any(String),
      data: { tenant: { id: dbs.tenant.id, slug: dbs.tenant.slug }, user: { id: userId } },
    });
  });

  it("never delivers an event whose transaction rolled back", async () => {
    await startWorker();
    await addEndpoint();
    await expect(
      dbs.tenantDb.transaction(async (tx) => {
        await appendEvent(tx, {
          type: "user.signed_out",
          data: { user: { id: crypto.randomUUID() }, session: { id: "s1" } },
        });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const committed = await signIn();
    await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
    await receiver.waitFor((r) => r.some((x) => x.id === committed.eventId));
    expect(receiver.received.map((r) => r.id)).toEqual([committed.eventId]);
  });

  it("relays without the post-commit poke (lost poke): the sweep picks the outbox up", async () => {
    await addEndpoint();
    const { eventId } = await signIn();
    await startWorker(); // starts with a sweep; no requestOutboxRelay call at all
    await receiver.waitFor((r) => r.some((x) => x.id === eventId));
  });

  it("retries a receiver that answers 500, with the same webhook-id, then succeeds", async () => {
    receiver.setRespond(({ index }) => (index < 2 ? 500 : 200));
    await startWorker();
    const { endpoint } = await addEndpoint();
    const { eventId } = await signIn();
    await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
    await receiver.waitFor((r) => r.length >= 3);
    expect(receiver.received.map((r) => r.id)).toEqual([eventId, eventId, eventId]);
    expect(receiver.received.every((r) => r.isVerified)).toBe(true);
    await expect
      .poll(async () => (await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id))[0]?.status)
      .toBe("succeeded");
    const [delivery] = await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id);
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([200, 500, 500]);
    expect(delivery!.attempts.every((a) => a.durationMs >= 0)).toBe(true);
  });

  it("marks a delivery failed after the last attempt, disables the endpoint and audits it; retry is refused until an operator re-enables it", async () => {
    receiver.setRespond(() => 503);
    await startWorker({ disableAfterMs: 0 });
    const { endpoint } = await addEndpoint();
    await signIn();
    await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
    await expect
      .poll(async () => (await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id))[0]?.status, {
        timeout: 15_000,
      })
      .toBe("failed");
    const [row] = await dbs.controlPlane.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.disabledAt).not.toBeNull();
    const audits = await dbs.controlPlane.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `webhook:${endpoint.id}`));
    expect(audits.map((a) => [a.actor, a.action])).toEqual([["system", "webhook.disable"]]);
    const [delivery] = await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id);
    await expect(
      retryWebhookDeliveryOrThrow(dbs.controlPlane.db, dbs.tenant.id, endpoint.id, delivery!.id),
    ).rejects.toMatchObject({ code: "endpoint_disabled" });

    // An operator re-enables it: the streak starts over, the failed delivery can be retried, and
    // new events flow again.
    receiver.setRespond(() => 200);
    const enabled = await enableWebhookEndpointOrThrow(dbs.controlPlane.db, dbs.tenant.id, endpoint.id);
    expect(enabled).toMatchObject({ wasDisabled: true, endpoint: { status: "enabled", failingSince: null } });
    expect(enabled.previousDisabledReason).toMatch(/^Every attempt failed since /);
    await retryWebhookDeliveryOrThrow(dbs.controlPlane.db, dbs.tenant.id, endpoint.id, delivery!.id);
    const next = await signIn();
    await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
    await expect
      .poll(async () =>
        (await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id)).map((d) => d.status).sort(),
      )
      .toEqual(["succeeded", "succeeded"]);
    expect(receiver.received.filter((r) => r.isVerified).map((r) => r.id)).toContain(next.eventId);
    const again = await enableWebhookEndpointOrThrow(dbs.controlPlane.db, dbs.tenant.id, endpoint.id);
    expect(again.wasDisabled).toBe(false);
  });

  it("keeps an endpoint enabled while it has not failed for long, and a manual retry redelivers the same event", async () => {
    receiver.setRespond(() => 500);
    await startWorker({ retry: { baseDelayMs: 20, factor: 1, maxDelayMs: 20, maxAttempts: 2 } });
    const { endpoint } = await addEndpoint();
    const { eventId } = await signIn();
    await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
    await expect
      .poll(async () => (await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id))[0]?.status, {
        timeout: 15_000,
      })
      .toBe("failed");
    const [row] = await dbs.controlPlane.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.disabledAt).toBeNull();
    receiver.setRespond(() => 200);
    const [delivery] = await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id);
    await retryWebhookDeliveryOrThrow(dbs.controlPlane.db, dbs.tenant.id, endpoint.id, delivery!.id);
    await expect
      .poll(async () => (await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id))[0]?.status)
      .toBe("succeeded");
    expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set([eventId]));
  });

  it("runs several workers side by side without delivering any event twice", async () => {
    await Promise.all([startWorker(), startWorker(), startWorker()]);
    await addEndpoint();
    const events = await Promise.all(Array.from({ length: 30 }, () => signIn()));
    await Promise.all(
      Array.from({ length: 5 }, () => requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id })),
    );
    await receiver.waitFor((r) => r.length >= events.length);
    await new Promise((r) => setTimeout(r, 1_000)); // any duplicate would arrive now
    expect(receiver.received.map((r) => r.id).sort()).toEqual(events.map((e) => e.eventId).sort());
    const attempts = await dbs.controlPlane.db.select().from(webhookDeliveryAttempts);
    expect(attempts).toHaveLength(events.length);
  });

  it("records a timeout, a redirect (not followed) and a refused connection as failed attempts, then retries", async () => {
    receiver.setRespond(({ index }) => (index === 0 ? "hang" : index === 1 ? 302 : 200));
    await startWorker({ requestTimeoutMs: 500 });
    const { endpoint } = await addEndpoint();
    await signIn();
    await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
    await expect
      .poll(async () => (await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id))[0]?.status, {
        timeout: 15_000,
      })
      .toBe("succeeded");
    const [delivery] = await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint.id);
    expect(delivery!.attempts.map((a) => a.error ?? a.statusCode).reverse()).toEqual(["timeout", "http_302", 200]);

    const closed = await startWebhookReceiver();
    const closedUrl = closed.url;
    await closed.close();
    const refused = await createWebhookEndpoint(
      dbs.controlPlane.db,
      { tenantId: dbs.tenant.id, url: closedUrl, events: ["user.signed_in"] },
      { allowPrivate: true },
    );
    await signIn();
    await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
    await expect
      .poll(
        async () =>
          (await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, refused.endpoint.id))[0]?.attempts[0]?.error,
        { timeout: 15_000 },
      )
      .toMatch(/^connection_error/);
  });

  it("reports worker health from the heartbeat: ok while a worker runs, stale once it stopped", async () => {
    const worker = await startWorker();
    await worker.sweep();
    const live = await readWorkerHealth(dbs.controlPlane.db);
    expect(live.ok).toBe(true);
    expect(live.ageMs).toBeLessThan(90_000);
    await worker.stop();
    workers.splice(workers.indexOf(worker), 1);
    await new Promise((r) => setTimeout(r, 20)); // the heartbeat is now older than 0 ms for sure
    const stale = await readWorkerHealth(dbs.controlPlane.db, { staleAfterMs: 0 });
    expect(stale.ok).toBe(false);
    expect(stale.lastSeenAt).toBe(live.lastSeenAt);
  });

  it("only delivers the event types an endpoint subscribed to", async () => {
    await startWorker();
    await addEndpoint(["user.signed_out"]);
    await signIn();
    await dbs.tenantDb.transaction((tx) =>
      appendEvent(tx, { type: "user.signed_out", data: { user: { id: crypto.randomUUID() }, session: { id: "s2" } } }),
    );
    await requestOutboxRelay(dbs.controlPlane.db, { tenantId: dbs.tenant.id });
    await receiver.waitFor((r) => r.length >= 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.map((r) => (r.payload as { type: string }).type)).toEqual(["user.signed_out"]);
    const deliveries = await dbs.controlPlane.db.select().from(webhookDeliveries);
    expect(deliveries.map((d) => d.eventType)).toEqual(["user.signed_out"]);
  });
});
