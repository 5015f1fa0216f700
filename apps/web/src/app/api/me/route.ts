import { withTenantRoute } from "@/server/with-tenant-route";

export const dynamic = "force-dynamic";

/** `GET /api/me` → `{ user, tenant, roles, permissions }` (401 when signed out). */
export const GET = withTenantRoute({}, async (_request, { session }) =>
  Response.json(
    {
      user: session.user,
      tenant: session.tenant,
      roles: session.roles,
      permissions: session.permissions,
    },
    { headers: { "cache-control": "no-store" } },
  ),
);
