import { eq } from "drizzle-orm";
import { userRoles } from "@repo/db/tenant";
import type { BuiltinRoleKey } from "../../rbac/index";
import type { TenantTx } from "../identity-types";

/** Locks every `owner` assignment and returns the owners' user ids (serialises last-owner checks). */
export async function lockOwners(tx: TenantTx): Promise<string[]> {
  const rows = await tx
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(eq(userRoles.roleKey, "owner" satisfies BuiltinRoleKey))
    .for("update");
  return rows.map((row) => row.userId);
}
