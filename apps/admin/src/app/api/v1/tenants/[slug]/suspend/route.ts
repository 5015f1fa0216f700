// POST /api/v1/tenants/:slug/suspend — status "suspended" + tenant revocation epoch (all sessions die).
import { jsonOk } from "@/server/http/json-response";
import { toOperatorEventActor } from "@/server/events/operator-event-actor";
import { withOperator } from "@/server/http/with-operator";
import { suspendTenantOrThrow } from "@/server/tenants/suspend-tenant-or-throw";

export const dynamic = "force-dynamic";

export const POST = withOperator<{ slug: string }>(
  async (_request, { params, audit, operator, recordAudit }) => {
    const tenant = await suspendTenantOrThrow(params.slug, toOperatorEventActor(operator), recordAudit);
    audit.tenantId = tenant.id;
    return jsonOk({ tenant });
  },
  { scope: "write", action: "tenant.suspend" },
);
