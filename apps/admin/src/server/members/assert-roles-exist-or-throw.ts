// Role keys sent by an operator must exist in the tenant (built-in rows are seeded there too).
import { inArray } from "drizzle-orm";
import { roles, type TenantDb } from "@repo/db/tenant";
import { ApiError } from "@repo/api-errors";

export async function assertRolesExistOrThrow(
  db: Pick<TenantDb, "select">,
  roleKeys: readonly string[],
): Promise<void> {
  if (roleKeys.length === 0) return;
  const found = await db
    .select({ key: roles.key })
    .from(roles)
    .where(inArray(roles.key, [...roleKeys]));
  const missing = roleKeys.filter((k) => !found.some((f) => f.key === k));
  if (missing.length) {
    throw new ApiError(
      "invalid_request",
      `Unknown role: ${missing.join(", ")}. Create it first or pick an existing role.`,
      {
        fields: {
          roles: [`Unknown role: ${missing.join(", ")}`],
        },
      },
    );
  }
}
