// Manual retry (or replay of a delivered event): the delivery goes back to `pending` and a
// delivery job is queued now, in one control-plane transaction. Same event id, so the receiver
// sees the same `webhook-id`. Refused while an attempt is in flight or the endpoint is disabled (re-enable it first).
import { and, eq, sql } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, type ControlPlaneDb } from "@repo/db/control-plane";
import { enqueueDeliverySql } from "../queue/enqueue-delivery-sql";
import { WebhookError } from "./webhook-error";

export async function retryWebhookDeliveryOrThrow(
  db: ControlPlaneDb,
  tenantId: string,
  endpointId: string,
  deliveryId: string,
): Promise<{ id: string; status: "pending" }> {
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .select({ disabledAt: webhookEndpoints.disabledAt })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.tenantId, tenantId)));
    if (!endpoint) throw new WebhookError("webhook_not_found", "No webhook endpoint with this id in this tenant.");
    if (endpoint.disabledAt)
      throw new WebhookError(
        "endpoint_disabled",
        "This endpoint is disabled: re-enable it first (POST …/webhooks/:id/enable), then retry.",
      );
    const [delivery] = await tx
      .select({ id: webhookDeliveries.id, leasedUntil: webhookDeliveries.leasedUntil })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
      .for("update");
    if (!delivery) throw new WebhookError("delivery_not_found", "No delivery with this id for this endpoint.");
    if (delivery.leasedUntil && delivery.leasedUntil.getTime() > Date.now()) {
      throw new WebhookError(
        "delivery_in_flight",
        "An attempt is in progress right now: wait for it to finish, then retry.",
      );
    }
    await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: sql`now()`, leasedUntil: null, completedAt: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    await tx.execute(enqueueDeliverySql(deliveryId));
    return { id: deliveryId, status: "pending" as const };
  });
}
