// GET /api/v1/tenants/:slug/webhooks/:id/deliveries?limit= — the delivery log, newest first,
// each with its attempts (status code or error, duration in ms).
import { listWebhookDeliveries } from "@repo/webhooks/endpoints";
import { listDeliveriesQuerySchema, webhookIdSchema } from "@/schemas/webhook-schemas";
import { getControlPlane } from "@/server/control-plane";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { getTenantOrThrow } from "@/server/tenants/get-tenant-or-throw";

export const dynamic = "force-dynamic";

export const GET = withOperator<{ slug: string; id: string }>(
  async (request, { params }) => {
    const id = parseInputOrThrow(webhookIdSchema, params.id);
    const { limit } = parseInputOrThrow(listDeliveriesQuerySchema, readSearchParams(request));
    const tenant = await getTenantOrThrow(params.slug);
    return jsonOk({
      deliveries: await listWebhookDeliveries(getControlPlane(), tenant.id, id, { limit }),
    });
  },
  { scope: "read" },
);
