// PUT /api/v1/tenants/:slug/roles/:key { name, description?, permissions }  ·  DELETE (409 while assigned)
import { updateRoleSchema } from "@/schemas/role-schemas";
import { jsonOk, noContent } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { deleteRoleOrThrow } from "@/server/roles/delete-role-or-throw";
import { updateRoleOrThrow } from "@/server/roles/update-role-or-throw";
import { getRevocationStore } from "@/server/revocation-store";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";

export const dynamic = "force-dynamic";

type Params = { slug: string; key: string };

export const PUT = withOperator<Params>(
  async (request, { params, audit }) => {
    const input = parseInputOrThrow(updateRoleSchema, await readJsonBodyOrThrow(request));
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = `role:${params.key}`;
    audit.details = { permissions: input.permissions };
    const { affectedUserIds } = await updateRoleOrThrow(db, params.key, input);
    // Everyone holding the role gets fresh claims on their next request.
    const store = getRevocationStore();
    await Promise.all(affectedUserIds.map((uid) => store.markClaimsStale(tenant.id, uid)));
    audit.details = { permissions: input.permissions, affectedUsers: affectedUserIds.length };
    return jsonOk({ role: { key: params.key, ...input, builtin: false }, affectedUsers: affectedUserIds.length });
  },
  { scope: "write", action: "role.update" },
);

export const DELETE = withOperator<Params>(
  async (_request, { params, audit }) => {
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = `role:${params.key}`;
    await deleteRoleOrThrow(db, params.key);
    return noContent();
  },
  { scope: "write", action: "role.delete" },
);
