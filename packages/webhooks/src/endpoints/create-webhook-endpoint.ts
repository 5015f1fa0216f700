// Creates a tenant's webhook endpoint with a fresh Standard Webhooks signing secret, returned
// ONCE to the caller (the API shows it in the 201 and never again).
import { randomBytes } from "node:crypto";
import { webhookEndpoints, type ControlPlaneDb } from "@repo/db/control-plane";
import { parseWebhookUrlOrThrow, type WebhookUrlPolicy } from "../addresses/webhook-url";
import { isEventType } from "../events/event-catalog";
import { WebhookError } from "./webhook-error";
import { toWebhookEndpointView, type WebhookEndpointView } from "./webhook-endpoint-view";

export type CreateWebhookEndpointInput = { tenantId: string; url: string; events: readonly string[] };

/** `whsec_` + base64 of 32 random bytes (the format `standardwebhooks` accepts). */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export async function createWebhookEndpoint(
  db: ControlPlaneDb,
  input: CreateWebhookEndpointInput,
  policy: WebhookUrlPolicy,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const url = parseWebhookUrlOrThrow(input.url, policy);
  const unknown = input.events.filter((type) => !isEventType(type));
  if (unknown.length > 0) throw new WebhookError("invalid_event_type", `Unknown event type: ${unknown.join(", ")}.`);
  if (input.events.length === 0) throw new WebhookError("invalid_event_type", "Choose at least one event type.");
  const secret = generateSigningSecret();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ tenantId: input.tenantId, url: url.toString(), events: [...new Set(input.events)].sort(), secret })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { endpoint: toWebhookEndpointView(row), secret };
}
