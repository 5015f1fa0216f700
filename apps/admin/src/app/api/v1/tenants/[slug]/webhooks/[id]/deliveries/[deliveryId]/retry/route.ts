// POST /api/v1/tenants/:slug/webhooks/:id/deliveries/:deliveryId/retry → 202 { delivery }
// Queues the delivery again now (same event, same `webhook-id`); also replays a delivered one.
import { retryWebhookDeliveryOrThrow } from "@repo/webhooks/endpoints";
import { deliveryIdSchema, webhookIdSchema } from "@/schemas/webhook-schemas";
import { getControlPlane } from "@/server/control-plane";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { getTenantOrThrow } from "@/server/tenants/get-tenant-or-throw";

export const dynamic = "force-dynamic";

export const POST = withOperator<{ slug: string; id: string; deliveryId: string }>(
  async (_request, { params, audit }) => {
    const id = parseInputOrThrow(webhookIdSchema, params.id);
    const deliveryId = parseInputOrThrow(deliveryIdSchema, params.deliveryId);
    const tenant = await getTenantOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = `webhook:${id}`;
    audit.details = { deliveryId };
    const delivery = await retryWebhookDeliveryOrThrow(getControlPlane(), tenant.id, id, deliveryId);
    return jsonOk({ delivery }, 202);
  },
  { scope: "write", action: "webhook.retry" },
);
