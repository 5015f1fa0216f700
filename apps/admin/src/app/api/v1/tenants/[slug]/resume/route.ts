// POST /api/v1/tenants/:slug/resume — status "active"; users sign in again (old sessions stay dead).
import { jsonOk } from "@/server/http/json-response";
import { toOperatorEventActor } from "@/server/events/operator-event-actor";
import { withOperator } from "@/server/http/with-operator";
import { resumeTenantOrThrow } from "@/server/tenants/resume-tenant-or-throw";

export const dynamic = "force-dynamic";

export const POST = withOperator<{ slug: string }>(
  async (_request, { params, audit, operator, recordAudit }) => {
    const tenant = await resumeTenantOrThrow(params.slug, toOperatorEventActor(operator), recordAudit);
    audit.tenantId = tenant.id;
    return jsonOk({ tenant });
  },
  { scope: "write", action: "tenant.resume" },
);
