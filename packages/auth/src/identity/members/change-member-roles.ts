// Replaces a member's roles in ONE tenant-DB transaction (the caller's `inTransaction`
// hook appends `member.updated` to it). Rules: roles exist and are grantable by the actor, the actor holds every permission
// the member has now, and the last owner can't be demoted. The caller then marks the member's
// claims stale so their next request carries the new roles (no sign-out). The ONE implementation
// of these rules: the tenant app calls `changeMemberRoles`, the operator console runs
// `changeMemberRolesInTx` inside its own member-update transaction.
import { eq } from "drizzle-orm";
import { userRoles, users, type TenantDb } from "@repo/db/tenant";
import { hasRole } from "../../rbac/index";
import { assertGrantableRoles } from "../assert-grantable-roles";
import { IdentityError } from "../identity-error";
import type { IdentityActor, InTransaction, TenantTx } from "../identity-types";
import { assertCanManageMember } from "./assert-can-manage-member";
import { lockOwners } from "./lock-owners";

export type ChangeMemberRolesOptions = {
  actor: IdentityActor;
  userId: string;
  roles: readonly string[];
  /** Gets the member's id and new role keys (e.g. to append `member.updated`). */
  inTransaction?: InTransaction<{ userId: string; roles: string[] }>;
};

export async function changeMemberRoles(db: TenantDb, options: ChangeMemberRolesOptions): Promise<string[]> {
  return db.transaction((tx) => changeMemberRolesInTx(tx, options));
}

/** The same change inside the caller's transaction; returns the sorted, de-duplicated keys. */
export async function changeMemberRolesInTx(tx: TenantTx, options: ChangeMemberRolesOptions): Promise<string[]> {
  // Owners first, then the member: every role change and removal locks in this order.
  const owners = await lockOwners(tx);
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, options.userId)).for("update");
  if (!user) throw new IdentityError("member_not_found");
  await assertCanManageMember(tx, options.actor, options.userId);
  const keys = await assertGrantableRoles(tx, options.actor, options.roles);
  if (owners.includes(options.userId) && !hasRole(keys, "owner") && owners.length === 1)
    throw new IdentityError("last_owner");
  await tx.delete(userRoles).where(eq(userRoles.userId, options.userId));
  if (keys.length > 0) await tx.insert(userRoles).values(keys.map((roleKey) => ({ userId: options.userId, roleKey })));
  await tx.update(users).set({ updatedAt: new Date() }).where(eq(users.id, options.userId));
  await options.inTransaction?.(tx, { userId: options.userId, roles: keys });
  return keys;
}
