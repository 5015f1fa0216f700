import { eq } from "drizzle-orm";
import { resolvePermissions, type Permission } from "@repo/auth/rbac";
import { roles, userRoles, users, type TenantDb } from "@repo/db/tenant";

export type UserRoleSnapshot = { roles: string[]; permissions: Permission[]; isDisabled: boolean };

/**
 * The user's current role keys and the permissions they grant, read from the tenant DB.
 * Used to re-issue a token whose claims the revocation store marked stale (role change).
 * Returns null when the user no longer exists.
 */
export async function loadUserRoles(db: TenantDb, userId: string): Promise<UserRoleSnapshot | null> {
  const [user] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const [assignments, customRoles] = await Promise.all([
    db.select({ roleKey: userRoles.roleKey }).from(userRoles).where(eq(userRoles.userId, userId)),
    db.select({ key: roles.key, permissions: roles.permissions }).from(roles).where(eq(roles.builtin, false)),
  ]);
  const roleKeys = assignments.map((a) => a.roleKey).sort();
  return { roles: roleKeys, permissions: resolvePermissions(roleKeys, customRoles), isDisabled: user.disabled };
}
