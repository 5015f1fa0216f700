// GET /api/v1/tenants?q=&status=&page=&pageSize=  ·  POST /api/v1/tenants { slug, name, server? }
// POST answers `201 { tenant }` by default. With `Accept: application/x-ndjson` it streams the
// real provisioning progress instead: HTTP 200, then one line per completed step `{"step":…}`
// and a final `{"tenant":…}` or `{"error":{code,message,fields?}}` line. Input, auth and scope
// errors are still plain JSON with their status code (nothing has started yet).
import { createTenantSchema, listTenantsQuerySchema } from "@/schemas/tenant-schemas";
import { jsonOk } from "@/server/http/json-response";
import { ndjsonResponse, wantsNdjson } from "@/server/http/ndjson-response";
import { parseInputOrThrow, readJsonBodyOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { type ApiErrorBody, isApiError, toPublicCode } from "@repo/api-errors";
import { provisionTenantOrThrow } from "@/server/tenants/provision-tenant-or-throw";
import { searchTenants } from "@/server/tenants/search-tenants";

export const dynamic = "force-dynamic";

export const GET = withOperator(
  async (request) => jsonOk(await searchTenants(parseInputOrThrow(listTenantsQuerySchema, readSearchParams(request)))),
  { scope: "read" },
);

export const POST = withOperator(
  async (request, { audit, auditWhenSettled, recordAudit }) => {
    const input = parseInputOrThrow(createTenantSchema, await readJsonBodyOrThrow(request));
    audit.tenantSlug = input.slug;
    audit.details = { name: input.name, server: input.server ?? null };
    if (!wantsNdjson(request)) {
      const tenant = await provisionTenantOrThrow(input, recordAudit);
      audit.tenantId = tenant.id;
      return jsonOk({ tenant }, 201);
    }
    return ndjsonResponse(async (writeLine) => {
      const work = provisionTenantOrThrow(input, recordAudit, (step) => writeLine({ step })).then((tenant) => {
        audit.tenantId = tenant.id;
        return tenant;
      });
      try {
        writeLine({ tenant: await auditWhenSettled(work) });
      } catch (error) {
        // auditWhenSettled rethrows an ApiError (unexpected errors already mapped to "internal").
        const body: ApiErrorBody["error"] = isApiError(error)
          ? { code: toPublicCode(error), message: error.message, ...(error.fields ? { fields: error.fields } : {}) }
          : { code: "internal", message: "Something went wrong on our side." };
        writeLine({ error: body });
      }
    });
  },
  { scope: "write", action: "tenant.create" },
);
