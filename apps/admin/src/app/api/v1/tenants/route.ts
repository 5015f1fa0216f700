// GET /api/v1/tenants?q=&status=&page=&pageSize=  ·  POST /api/v1/tenants { slug, name, server? }
import { createTenantSchema, listTenantsQuerySchema } from "@/schemas/tenant-schemas";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { provisionTenantOrThrow } from "@/server/tenants/provision-tenant-or-throw";
import { searchTenants } from "@/server/tenants/search-tenants";

export const dynamic = "force-dynamic";

export const GET = withOperator(
  async (request) => jsonOk(await searchTenants(parseInputOrThrow(listTenantsQuerySchema, readSearchParams(request)))),
  { scope: "read" },
);

export const POST = withOperator(
  async (request, { audit }) => {
    const input = parseInputOrThrow(createTenantSchema, await readJsonBodyOrThrow(request));
    audit.tenantSlug = input.slug;
    audit.details = { name: input.name, server: input.server ?? null };
    const tenant = await provisionTenantOrThrow(input);
    audit.tenantId = tenant.id;
    return jsonOk({ tenant }, 201);
  },
  { scope: "write", action: "tenant.create" },
);
