// GET /api/v1/tenants/:slug/webhooks/:id  ·  DELETE → 204 (its deliveries and log go with it).
import { deleteWebhookEndpointOrThrow, getWebhookEndpointOrThrow } from "@repo/webhooks/endpoints";
import { webhookIdSchema } from "@/schemas/webhook-schemas";
import { getControlPlane } from "@/server/control-plane";
import { jsonOk, noContent } from "@/server/http/json-response";
import { parseInputOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { getTenantOrThrow } from "@/server/tenants/get-tenant-or-throw";

export const dynamic = "force-dynamic";

type Params = { slug: string; id: string };

export const GET = withOperator<Params>(
  async (_request, { params }) => {
    const id = parseInputOrThrow(webhookIdSchema, params.id);
    const tenant = await getTenantOrThrow(params.slug);
    return jsonOk({
      webhook: await getWebhookEndpointOrThrow(getControlPlane(), tenant.id, id),
    });
  },
  { scope: "read" },
);

export const DELETE = withOperator<Params>(
  async (_request, { params, audit }) => {
    const id = parseInputOrThrow(webhookIdSchema, params.id);
    const tenant = await getTenantOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = `webhook:${id}`;
    await deleteWebhookEndpointOrThrow(getControlPlane(), tenant.id, id);
    return noContent();
  },
  { scope: "write", action: "webhook.delete" },
);
