// GET /api/v1/tenants/:slug (detail + counts)  ·  DELETE /api/v1/tenants/:slug
// DELETE keeps the stable API contract (README.md) (no body needed: automation deletes by slug). The console
// makes the operator type the slug and sends it as `{ "confirm": "<slug>" }` (or `?confirm=`);
// when a confirmation is sent it must match exactly, else 400 and nothing is deleted.
import { deleteTenantSchema } from "@/schemas/tenant-schemas";
import { ApiError } from "@repo/api-errors";
import { jsonOk, noContent } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { deleteTenantOrThrow } from "@/server/tenants/delete-tenant-or-throw";
import { getTenantDetailOrThrow } from "@/server/tenants/get-tenant-detail-or-throw";

export const dynamic = "force-dynamic";

type Params = { slug: string };

export const GET = withOperator<Params>(
  async (_request, { params }) => jsonOk({ tenant: await getTenantDetailOrThrow(params.slug) }),
  {
    scope: "read",
  },
);

export const DELETE = withOperator<Params>(
  async (request, { params, audit, recordAudit }) => {
    const body = await readJsonBodyOrThrow(request);
    if (!isObject(body))
      throw new ApiError("invalid_request", 'Send a JSON object such as { "confirm": "<slug>" }, or no body.');
    const { confirm } = parseInputOrThrow(deleteTenantSchema, { ...readSearchParams(request), ...body });
    if (confirm !== undefined && confirm !== params.slug)
      throw new ApiError("invalid_request", "The confirmation does not match the tenant slug.", {
        fields: {
          confirm: ["Type the slug exactly"],
        },
      });
    const tenant = await deleteTenantOrThrow(params.slug, recordAudit);
    audit.tenantId = tenant.id;
    return noContent();
  },
  { scope: "write", action: "tenant.delete" },
);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
