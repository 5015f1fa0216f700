// Re-enabling an endpoint that was disabled (automatically after repeated failures): deliveries
// of events that happen from now on resume, and its failure streak starts over (it gets the full
// `disableAfterMs` again). Deliveries that ended `failed` while it was disabled stay failed (the
// operator can retry each one from the delivery log); events that happened while it was
// disabled were never fanned out to it. Enabling an enabled endpoint changes nothing.
import { and, eq } from "drizzle-orm";
import { webhookEndpoints, type ControlPlaneDb, type ControlPlaneTx } from "@repo/db/control-plane";
import { WebhookError } from "./webhook-error";
import { toWebhookEndpointView, type WebhookEndpointView } from "./webhook-endpoint-view";

export type EnabledWebhookEndpoint = {
  endpoint: WebhookEndpointView;
  /** Whether it was disabled (false: nothing changed), and why. */
  wasDisabled: boolean;
  previousDisabledReason: string | null;
};

export async function enableWebhookEndpointOrThrow(
  db: ControlPlaneDb,
  tenantId: string,
  endpointId: string,
  options: {
    /** Runs inside the change's transaction (e.g. the audit entry), only when something changed. */
    inTransaction?: (tx: ControlPlaneTx, result: EnabledWebhookEndpoint) => Promise<void>;
  } = {},
): Promise<EnabledWebhookEndpoint> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, endpointId)))
      .for("update");
    if (!current) throw new WebhookError("webhook_not_found", "No webhook endpoint with this id in this tenant.");
    if (!current.disabledAt)
      return { endpoint: toWebhookEndpointView(current), wasDisabled: false, previousDisabledReason: null };
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: null, disabledReason: null, failingSince: null, updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, endpointId))
      .returning();
    const result = {
      endpoint: toWebhookEndpointView(row!),
      wasDisabled: true,
      previousDisabledReason: current.disabledReason,
    };
    await options.inTransaction?.(tx, result);
    return result;
  });
}
