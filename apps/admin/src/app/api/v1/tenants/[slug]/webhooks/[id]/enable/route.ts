// POST /api/v1/tenants/:slug/webhooks/:id/enable → 200 { webhook }
// Re-enables an endpoint disabled after repeated failures. The `webhook.enable` audit entry
// (with the reason it had been disabled for) commits in the same transaction as the change.
// Enabling an enabled endpoint is a 200 that changes nothing.
import { enableWebhookEndpointOrThrow } from "@repo/webhooks/endpoints";
import { webhookIdSchema } from "@/schemas/webhook-schemas";
import { getControlPlane } from "@/server/control-plane";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { getTenantOrThrow } from "@/server/tenants/get-tenant-or-throw";

export const dynamic = "force-dynamic";

export const POST = withOperator<{ slug: string; id: string }>(
  async (_request, { params, audit, recordAudit }) => {
    const id = parseInputOrThrow(webhookIdSchema, params.id);
    const tenant = await getTenantOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.tenantSlug = tenant.slug;
    audit.target = `webhook:${id}`;
    const { endpoint, wasDisabled } = await enableWebhookEndpointOrThrow(getControlPlane(), tenant.id, id, {
      inTransaction: (tx, result) =>
        recordAudit(tx, {
          details: { url: result.endpoint.url, disabledReason: result.previousDisabledReason },
        }),
    });
    audit.details = { url: endpoint.url, wasDisabled };
    return jsonOk({ webhook: endpoint });
  },
  { scope: "write", action: "webhook.enable" },
);
