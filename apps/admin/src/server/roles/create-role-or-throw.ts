// Creates a custom role (permissions already validated against the code registry by zod).
import { normalizePermissions, type CustomRole } from "@repo/auth/rbac";
import { roles, type TenantDb } from "@repo/db/tenant";
import { ApiError } from "@repo/api-errors";
import type { RoleView } from "./list-roles";

export async function createRoleOrThrow(db: TenantDb, input: CustomRole): Promise<RoleView> {
  const inserted = await db
    .insert(roles)
    .values({
      key: input.key,
      name: input.name,
      description: input.description ?? null,
      permissions: normalizePermissions(input.permissions),
      builtin: false,
    })
    .onConflictDoNothing()
    .returning();
  const row = inserted[0];
  if (!row)
    throw new ApiError("conflict", `A role with key "${input.key}" already exists in this tenant.`, {
      fields: {
        key: ["Already in use"],
      },
    });
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    permissions: row.permissions,
    builtin: false,
    memberCount: 0,
  };
}
