import { and, asc, eq } from "drizzle-orm";
import { webhookEndpoints, type ControlPlaneDb } from "@repo/db/control-plane";
import { WebhookError } from "./webhook-error";
import { toWebhookEndpointView, type WebhookEndpointView } from "./webhook-endpoint-view";

export async function listWebhookEndpoints(db: ControlPlaneDb, tenantId: string): Promise<WebhookEndpointView[]> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.tenantId, tenantId))
    .orderBy(asc(webhookEndpoints.createdAt));
  return rows.map(toWebhookEndpointView);
}

export async function getWebhookEndpointOrThrow(
  db: ControlPlaneDb,
  tenantId: string,
  endpointId: string,
): Promise<WebhookEndpointView> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpointId)));
  if (!row) throw new WebhookError("webhook_not_found", "No webhook endpoint with this id in this tenant.");
  return toWebhookEndpointView(row);
}
