// A tenant's roles: built-ins come from CODE (the source of truth, read-only here), custom
// roles from the tenant DB; each with how many users hold it.
import { count, eq } from "drizzle-orm";
import { BUILTIN_ROLE_LIST, isBuiltinRoleKey } from "@repo/auth/rbac";
import { roles, userRoles, type TenantDb } from "@repo/db/tenant";

export type RoleView = {
  key: string;
  name: string;
  description: string | null;
  permissions: string[];
  builtin: boolean;
  memberCount: number;
};

export async function listRoles(db: TenantDb): Promise<RoleView[]> {
  const [rows, counts] = await Promise.all([
    db.select().from(roles).where(eq(roles.builtin, false)).orderBy(roles.key),
    db.select({ key: userRoles.roleKey, n: count() }).from(userRoles).groupBy(userRoles.roleKey),
  ]);
  const memberCount = (key: string) => counts.find((c) => c.key === key)?.n ?? 0;
  return [
    ...BUILTIN_ROLE_LIST.map((r) => ({
      key: r.key,
      name: r.name,
      description: r.description ?? null,
      permissions: [...r.permissions],
      builtin: true,
      memberCount: memberCount(r.key),
    })),
    ...rows
      .filter((r) => !isBuiltinRoleKey(r.key))
      .map((r) => ({
        key: r.key,
        name: r.name,
        description: r.description,
        permissions: r.permissions,
        builtin: false,
        memberCount: memberCount(r.key),
      })),
  ];
}
