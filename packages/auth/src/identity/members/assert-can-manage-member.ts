// A member may only change or remove someone whose current permissions they hold themselves
// (an admin can't demote or remove an owner). Operators may manage anyone.
import { eq } from "drizzle-orm";
import { roles, userRoles } from "@repo/db/tenant";
import { resolvePermissions } from "../../rbac/index";
import { IdentityError } from "../identity-error";
import type { IdentityActor, TenantTx } from "../identity-types";

export async function assertCanManageMember(tx: TenantTx, actor: IdentityActor, userId: string): Promise<string[]> {
  const current = (
    await tx.select({ roleKey: userRoles.roleKey }).from(userRoles).where(eq(userRoles.userId, userId))
  ).map((r) => r.roleKey);
  if (actor.kind === "member") {
    const customRoles = await tx
      .select({ key: roles.key, permissions: roles.permissions })
      .from(roles)
      .where(eq(roles.builtin, false));
    const held = new Set(actor.permissions);
    if (resolvePermissions(current, customRoles).some((p) => !held.has(p)))
      throw new IdentityError("role_not_grantable", "You can't change someone who has permissions you don't have.");
  }
  return current;
}
