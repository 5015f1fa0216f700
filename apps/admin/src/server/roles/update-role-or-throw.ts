// Edits a custom role. Returns the ids of users holding it: their claims are now stale and the
// caller marks them so, so the change reaches them on their next request.
import { and, eq } from "drizzle-orm";
import { isBuiltinRoleKey, normalizePermissions, type CustomRole } from "@repo/auth/rbac";
import { roles, userRoles, type TenantDb } from "@repo/db/tenant";
import { ApiError } from "@repo/api-errors";

export async function updateRoleOrThrow(
  db: TenantDb,
  key: string,
  input: Omit<CustomRole, "key">,
): Promise<{ affectedUserIds: string[] }> {
  if (isBuiltinRoleKey(key))
    throw new ApiError("forbidden", "Built-in roles are defined in code and are read-only here.");
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(roles)
      .set({
        name: input.name,
        description: input.description ?? null,
        permissions: normalizePermissions(input.permissions),
        updatedAt: new Date(),
      })
      .where(and(eq(roles.key, key), eq(roles.builtin, false)))
      .returning({ key: roles.key });
    if (updated.length === 0) throw new ApiError("not_found", `No custom role "${key}" in this tenant.`);
    const holders = await tx.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.roleKey, key));
    return { affectedUserIds: holders.map((h) => h.userId) };
  });
}
