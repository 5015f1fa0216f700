// Task `deliver-webhook`: one attempt of one delivery. Claims the delivery with a lease (so two
// jobs for it never send at once), signs and sends it, then records the attempt and the outcome
// in one control-plane transaction: success; or the next attempt scheduled (backoff + jitter);
// or `failed` after the last attempt. An endpoint failing for too long is disabled (+ audit).
import { eq, sql } from "drizzle-orm";
import {
  auditLog,
  tenants,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
  type WebhookDeliveryRow,
} from "@repo/db/control-plane";
import { enqueueDeliverySql } from "../queue/enqueue-delivery-sql";
import { sendWebhook, type SendResult } from "./send-webhook";
import { signWebhook } from "./sign-webhook";
import type { WorkerContext } from "./worker-context";
import { computeRetryDelayMs } from "./worker-settings";

// The lease outlives one attempt (request budget) with room to record the outcome; after that a
// crashed worker's delivery is fair game for the sweep.
function leaseMsFor(requestTimeoutMs: number): number {
  return 2 * requestTimeoutMs + 1_000;
}

export async function deliverWebhook(ctx: WorkerContext, deliveryId: string): Promise<void> {
  const cp = ctx.controlPlane;
  const leaseMs = leaseMsFor(ctx.settings.requestTimeoutMs);
  const claimed = await cp.execute<{ id: string }>(sql`
    update webhook_deliveries set leased_until = now() + ${leaseMs} * interval '1 millisecond'
    where id = ${deliveryId} and status = 'pending' and (leased_until is null or leased_until < now())
    returning id`);
  if (claimed.length === 0) return; // done already, in flight elsewhere, or deleted
  const [row] = await cp
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return;
  const { delivery, endpoint } = row;
  if (endpoint.disabledAt) {
    await cp
      .update(webhookDeliveries)
      .set({ status: "failed", lastError: "endpoint_disabled", leasedUntil: null, completedAt: sql`now()` })
      .where(eq(webhookDeliveries.id, deliveryId));
    return;
  }
  const body = JSON.stringify(delivery.payload);
  const result = await sendWebhook({
    url: endpoint.url,
    body,
    headers: signWebhook({ secret: endpoint.secret, eventId: delivery.eventId, body, at: new Date() }),
    agent: ctx.agent,
    allowPrivate: ctx.settings.allowPrivateUrls,
    timeoutMs: ctx.settings.requestTimeoutMs,
  });
  await recordOutcome(ctx, delivery, endpoint.id, result);
}

async function recordOutcome(
  ctx: WorkerContext,
  delivery: WebhookDeliveryRow,
  endpointId: string,
  result: SendResult,
): Promise<void> {
  const attemptCount = delivery.attemptCount + 1;
  const isSuccess = result.error === null;
  const { retry, disableAfterMs } = ctx.settings;
  await ctx.controlPlane.transaction(async (tx) => {
    await tx.insert(webhookDeliveryAttempts).values({
      deliveryId: delivery.id,
      durationMs: result.durationMs,
      statusCode: result.statusCode,
      error: result.error,
      workerId: ctx.workerId,
    });
    const common = { attemptCount, lastStatusCode: result.statusCode, lastError: result.error, leasedUntil: null };
    if (isSuccess) {
      await tx
        .update(webhookDeliveries)
        .set({ ...common, status: "succeeded", completedAt: sql`now()` })
        .where(eq(webhookDeliveries.id, delivery.id));
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpointId));
      return;
    }
    if (attemptCount >= retry.maxAttempts) {
      await tx
        .update(webhookDeliveries)
        .set({ ...common, status: "failed", completedAt: sql`now()` })
        .where(eq(webhookDeliveries.id, delivery.id));
    } else {
      const nextAttemptAt = new Date(Date.now() + computeRetryDelayMs(attemptCount, retry));
      await tx
        .update(webhookDeliveries)
        .set({ ...common, nextAttemptAt })
        .where(eq(webhookDeliveries.id, delivery.id));
      await tx.execute(enqueueDeliverySql(delivery.id, nextAttemptAt));
    }
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, now())` })
      .where(eq(webhookEndpoints.id, endpointId))
      .returning();
    if (!endpoint || endpoint.disabledAt || !endpoint.failingSince) return;
    if (Date.now() - endpoint.failingSince.getTime() < disableAfterMs) return;
    // Failing continuously for too long: disable, and say so in the audit log (same transaction).
    const reason = `Every attempt failed since ${endpoint.failingSince.toISOString()} (last: ${result.error}).`;
    await tx
      .update(webhookEndpoints)
      .set({ disabledAt: sql`now()`, disabledReason: reason, updatedAt: sql`now()` })
      .where(eq(webhookEndpoints.id, endpointId));
    const [tenant] = await tx.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, endpoint.tenantId));
    await tx.insert(auditLog).values({
      actor: "system",
      action: "webhook.disable",
      tenantId: endpoint.tenantId,
      tenantSlug: tenant?.slug ?? null,
      target: `webhook:${endpoint.id}`,
      metadata: { outcome: "success", via: "worker", url: endpoint.url, reason, workerId: ctx.workerId },
    });
    ctx.log("warn", "webhook endpoint disabled after repeated failures", { endpointId, tenantId: endpoint.tenantId });
  });
}
