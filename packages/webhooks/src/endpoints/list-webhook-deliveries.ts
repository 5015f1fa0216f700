// The delivery log of one endpoint, newest first, each delivery with its HTTP attempts
// (status code or error, duration).
import { desc, eq, inArray } from "drizzle-orm";
import {
  webhookDeliveries,
  webhookDeliveryAttempts,
  type ControlPlaneDb,
  type WebhookDeliveryStatus,
} from "@repo/db/control-plane";
import { getWebhookEndpointOrThrow } from "./list-webhook-endpoints";

export type WebhookAttemptView = { at: string; durationMs: number; statusCode: number | null; error: string | null };

export type WebhookDeliveryView = {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  completedAt: string | null;
  attempts: WebhookAttemptView[];
};

export async function listWebhookDeliveries(
  db: ControlPlaneDb,
  tenantId: string,
  endpointId: string,
  options: { limit?: number } = {},
): Promise<WebhookDeliveryView[]> {
  await getWebhookEndpointOrThrow(db, tenantId, endpointId);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(Math.min(Math.max(options.limit ?? 50, 1), 200));
  const attempts = rows.length
    ? await db
        .select()
        .from(webhookDeliveryAttempts)
        .where(
          inArray(
            webhookDeliveryAttempts.deliveryId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(desc(webhookDeliveryAttempts.id))
    : [];
  return rows.map((row) => ({
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    attempts: attempts
      .filter((a) => a.deliveryId === row.id)
      .map((a) => ({
        at: a.attemptedAt.toISOString(),
        durationMs: a.durationMs,
        statusCode: a.statusCode,
        error: a.error,
      })),
  }));
}
