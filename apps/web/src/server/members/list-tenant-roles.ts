import { asc } from "drizzle-orm";
import { roles, type TenantDb } from "@repo/db/tenant";
import { resolvePermissions } from "@repo/auth/rbac";

export type RoleOption = { key: string; name: string; permissions: string[] };

/** The tenant's roles (built-in and custom) with the permissions each grants, for role pickers. */
export async function listTenantRoles(db: TenantDb): Promise<RoleOption[]> {
  const rows = await db
    .select({ key: roles.key, name: roles.name, permissions: roles.permissions })
    .from(roles)
    .orderBy(asc(roles.name));
  return rows.map((row) => ({ key: row.key, name: row.name, permissions: resolvePermissions([row.key], rows) }));
}
