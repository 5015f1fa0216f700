// PUT /api/v1/tenants/:slug/roles/:key { name, description?, permissions }  ·  DELETE (409 while assigned)
import { roleKeyParamSchema, updateRoleSchema } from "@/schemas/role-schemas";
import { jsonOk, noContent } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { deleteRoleOrThrow } from "@/server/roles/delete-role-or-throw";
import { updateRoleOrThrow } from "@/server/roles/update-role-or-throw";
import { runRedisWriteOrThrow } from "@/server/sessions/run-redis-write-or-throw";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";
import { getRevocationStore } from "@/server/admin-root";

export const dynamic = "force-dynamic";

type Params = { slug: string; key: string };

export const PUT = withOperator<Params>(
  async (request, { params, audit }) => {
    audit.target = `role:${params.key}`;
    const key = parseInputOrThrow(roleKeyParamSchema, params.key);
    const input = parseInputOrThrow(updateRoleSchema, await readJsonBodyOrThrow(request));
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.details = { permissions: input.permissions };
    const { affectedUserIds } = await updateRoleOrThrow(db, key, input);
    // After the commit, everyone holding the role gets fresh claims on their next request.
    // A Redis failure here is a 503 ("retry"; the DB write is idempotent), never a 500.
    const store = getRevocationStore();
    await runRedisWriteOrThrow(async () => {
      await Promise.all(affectedUserIds.map((uid) => store.markClaimsStale(tenant.id, uid)));
    });
    audit.details = { permissions: input.permissions, affectedUsers: affectedUserIds.length };
    return jsonOk({ role: { key, ...input, builtin: false }, affectedUsers: affectedUserIds.length });
  },
  { scope: "write", action: "role.update" },
);

export const DELETE = withOperator<Params>(
  async (_request, { params, audit }) => {
    audit.target = `role:${params.key}`;
    const key = parseInputOrThrow(roleKeyParamSchema, params.key);
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    await deleteRoleOrThrow(db, key);
    return noContent();
  },
  { scope: "write", action: "role.delete" },
);
