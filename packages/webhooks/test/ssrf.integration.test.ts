// SSRF: without WEBHOOK_ALLOW_PRIVATE_URLS the worker refuses, AT SEND TIME, an endpoint that
// points at a private address — even one stored before the rules (or a DNS answer) changed —
// and never opens a connection to it. The connection's own DNS lookup is guarded too.
import { webhookEndpoints } from "@repo/db/control-plane";
import { listWebhookDeliveries } from "@repo/webhooks/endpoints";
import { appendEvent, requestOutboxRelay } from "@repo/webhooks/events";
import { createGuardedAgent, startWebhookWorker } from "@repo/webhooks/worker";
import { fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabases, type TestDatabases } from "./support/test-databases";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";

let dbs: TestDatabases;
let receiver: WebhookReceiver;

beforeAll(async () => {
  dbs = await createTestDatabases();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await dbs.cleanup();
});

describe("production mode (private URLs not allowed)", () => {
  it.each([
    ["https loopback literal", (port: number) => `https://127.0.0.1:${port}/hooks`],
    ["IPv4-mapped IPv6 loopback", (port: number) => `https://[::ffff:127.0.0.1]:${port}/hooks`],
    ["plain http", (port: number) => `http://127.0.0.1:${port}/hooks`],
  ])("refuses an endpoint stored with a %s URL at send time", async (_label, makeUrl) => {
    const [endpoint] = await dbs.controlPlane.db
      .insert(webhookEndpoints)
      .values({
        tenantId: dbs.tenant.id,
        url: makeUrl(receiver.port),
        events: ["tenant.suspended"],
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      })
      .returning();
    const worker = await startWebhookWorker({
      controlPlaneUrl: dbs.controlPlaneUrl,
      getTenantDb: dbs.getTenantDb,
      settings: {
        allowPrivateUrls: false,
        retry: { baseDelayMs: 10, factor: 1, maxDelayMs: 10, maxAttempts: 2 },
        sweepIntervalMs: 250,
      },
    });
    try {
      await dbs.controlPlane.db.transaction((tx) =>
        appendEvent(
          tx,
          { type: "tenant.suspended", data: { actor: { type: "system", id: null } } },
          { tenantId: dbs.tenant.id },
        ),
      );
      await requestOutboxRelay(dbs.controlPlane.db, { controlPlane: true });
      await expect
        .poll(async () => (await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint!.id))[0]?.status, {
          timeout: 15_000,
        })
        .toBe("failed");
      const [delivery] = await listWebhookDeliveries(dbs.controlPlane.db, dbs.tenant.id, endpoint!.id);
      expect(
        delivery!.attempts.every((a) => a.statusCode === null && /^(blocked_address|invalid_url)/.test(a.error ?? "")),
      ).toBe(true);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await worker.stop();
      await dbs.controlPlane.db.delete(webhookEndpoints);
    }
  });

  it("the guarded agent refuses a host name whose DNS answer is loopback, and allows it when private URLs are allowed", async () => {
    const guarded = createGuardedAgent({ allowPrivate: false, timeoutMs: 2_000 });
    const open = createGuardedAgent({ allowPrivate: true, timeoutMs: 2_000 });
    try {
      const url = `http://localhost:${receiver.port}/hooks`;
      await expect(fetch(url, { method: "POST", body: "{}", dispatcher: guarded })).rejects.toMatchObject({
        cause: { code: "blocked_address" },
      });
      expect(receiver.received).toHaveLength(0);
      const response = await fetch(url, { method: "POST", body: "{}", dispatcher: open });
      expect(response.status).toBe(204);
    } finally {
      await guarded.close();
      await open.close();
    }
  });
});
