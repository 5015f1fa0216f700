// Deleting an endpoint also deletes its deliveries and log (FK cascade); queued jobs for them
// find no delivery and end quietly.
import { and, eq } from "drizzle-orm";
import { webhookEndpoints, type ControlPlaneDb } from "@repo/db/control-plane";
import { WebhookError } from "./webhook-error";

export async function deleteWebhookEndpointOrThrow(
  db: ControlPlaneDb,
  tenantId: string,
  endpointId: string,
): Promise<void> {
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpointId)))
    .returning({ id: webhookEndpoints.id });
  if (deleted.length === 0)
    throw new WebhookError("webhook_not_found", "No webhook endpoint with this id in this tenant.");
}
