// Deletes a custom role — refused (409) while any user holds it, naming those users, because
// the FK cascade would otherwise silently strip their permissions.
import { and, eq } from "drizzle-orm";
import { isBuiltinRoleKey } from "@repo/auth/rbac";
import { roles, userRoles, users, type TenantDb } from "@repo/db/tenant";
import { ApiError } from "@repo/api-errors";

const NAMED_USERS_LIMIT = 10;

export async function deleteRoleOrThrow(db: TenantDb, key: string): Promise<void> {
  if (isBuiltinRoleKey(key))
    throw new ApiError("forbidden", "Built-in roles are defined in code and cannot be deleted.");
  await db.transaction(async (tx) => {
    const [role] = await tx
      .select({ key: roles.key })
      .from(roles)
      .where(and(eq(roles.key, key), eq(roles.builtin, false)))
      .for("update");
    if (!role) throw new ApiError("not_found", `No custom role "${key}" in this tenant.`);
    const holders = await tx
      .select({ email: users.email })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(eq(userRoles.roleKey, key))
      .orderBy(users.email);
    if (holders.length) {
      const named = holders
        .slice(0, NAMED_USERS_LIMIT)
        .map((h) => h.email)
        .join(", ");
      const more = holders.length > NAMED_USERS_LIMIT ? ` and ${holders.length - NAMED_USERS_LIMIT} more` : "";
      throw new ApiError(
        "conflict",
        `Role "${key}" is still assigned to ${named}${more}. Reassign them first, then delete the role.`,
      );
    }
    await tx.delete(roles).where(eq(roles.key, key));
  });
}
