// Replaces a member's roles in ONE tenant-DB transaction (an outbox row for `member.updated` can
// join it). Rules: roles exist and are grantable by the actor, the actor holds every permission
// the member has now, and the last owner can't be demoted. The caller then marks the member's
// claims stale so their next request carries the new roles (no sign-out).
import { eq } from "drizzle-orm";
import { userRoles, users, type TenantDb } from "@repo/db/tenant";
import { hasRole } from "../../rbac/index";
import { assertGrantableRoles } from "../assert-grantable-roles";
import { IdentityError } from "../identity-error";
import type { IdentityActor } from "../identity-types";
import { assertCanManageMember } from "./assert-can-manage-member";
import { lockOwners } from "./lock-owners";

export async function changeMemberRoles(
  db: TenantDb,
  options: { actor: IdentityActor; userId: string; roles: readonly string[] },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const owners = await lockOwners(tx);
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, options.userId)).for("update");
    if (!user) throw new IdentityError("member_not_found");
    await assertCanManageMember(tx, options.actor, options.userId);
    const keys = await assertGrantableRoles(tx, options.actor, options.roles);
    if (owners.includes(options.userId) && !hasRole(keys, "owner") && owners.length === 1)
      throw new IdentityError("last_owner");
    await tx.delete(userRoles).where(eq(userRoles.userId, options.userId));
    await tx.insert(userRoles).values(keys.map((roleKey) => ({ userId: options.userId, roleKey })));
    await tx.update(users).set({ updatedAt: new Date() }).where(eq(users.id, options.userId));
    return keys;
  });
}
