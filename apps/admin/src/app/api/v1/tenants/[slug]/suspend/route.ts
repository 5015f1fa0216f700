// POST /api/v1/tenants/:slug/suspend — status "suspended" + tenant revocation epoch (all sessions die).
import { jsonOk } from "@/server/http/json-response";
import { withOperator } from "@/server/http/with-operator";
import { suspendTenantOrThrow } from "@/server/tenants/suspend-tenant-or-throw";

export const dynamic = "force-dynamic";

export const POST = withOperator<{ slug: string }>(
  async (_request, { params, audit, recordAudit }) => {
    const tenant = await suspendTenantOrThrow(params.slug, recordAudit);
    audit.tenantId = tenant.id;
    return jsonOk({ tenant });
  },
  { scope: "write", action: "tenant.suspend" },
);
