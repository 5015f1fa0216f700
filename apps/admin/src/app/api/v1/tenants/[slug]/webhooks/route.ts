// GET /api/v1/tenants/:slug/webhooks  ·  POST { url, events } → 201 { id, secret, webhook }
// The signing secret is in the 201 response ONCE; it is never returned again.
import { createWebhookEndpoint, listWebhookEndpoints } from "@repo/webhooks/endpoints";
import { createWebhookSchema } from "@/schemas/webhook-schemas";
import { getControlPlane } from "@/server/control-plane";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { getTenantOrThrow } from "@/server/tenants/get-tenant-or-throw";
import { getWebhookUrlPolicy } from "@/server/webhooks/webhook-url-policy";

export const dynamic = "force-dynamic";

type Params = { slug: string };

export const GET = withOperator<Params>(
  async (_request, { params }) => {
    const tenant = await getTenantOrThrow(params.slug);
    return jsonOk({ webhooks: await listWebhookEndpoints(getControlPlane(), tenant.id) });
  },
  { scope: "read" },
);

export const POST = withOperator<Params>(
  async (request, { params, audit }) => {
    const input = parseInputOrThrow(createWebhookSchema, await readJsonBodyOrThrow(request));
    const tenant = await getTenantOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.details = { url: input.url, events: input.events };
    const { endpoint, secret } = await createWebhookEndpoint(
      getControlPlane(),
      { tenantId: tenant.id, url: input.url, events: input.events },
      getWebhookUrlPolicy(),
    );
    audit.target = `webhook:${endpoint.id}`;
    return jsonOk({ id: endpoint.id, secret, webhook: endpoint }, 201);
  },
  { scope: "write", action: "webhook.create" },
);
