// GET /api/v1/tenants/:slug/roles (built-ins read-only + custom)  ·  POST { key, name, description?, permissions }
import { createRoleSchema } from "@/schemas/role-schemas";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { createRoleOrThrow } from "@/server/roles/create-role-or-throw";
import { listRoles } from "@/server/roles/list-roles";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";

export const dynamic = "force-dynamic";

type Params = { slug: string };

export const GET = withOperator<Params>(
  async (_request, { params }) => {
    const { db } = await openTenantDbOrThrow(params.slug);
    return jsonOk({ roles: await listRoles(db) });
  },
  { scope: "read" },
);

export const POST = withOperator<Params>(
  async (request, { params, audit }) => {
    const input = parseInputOrThrow(createRoleSchema, await readJsonBodyOrThrow(request));
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = `role:${input.key}`;
    audit.details = { permissions: input.permissions };
    return jsonOk({ role: await createRoleOrThrow(db, input) }, 201);
  },
  { scope: "write", action: "role.create" },
);
