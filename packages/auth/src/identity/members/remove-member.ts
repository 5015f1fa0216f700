// Removes a member from the tenant in ONE tenant-DB transaction (the caller's `inTransaction`
// hook appends `member.removed` to it): the account, its role assignments, session inventory and reset
// tokens go (cascade). The last owner can't be removed. `revokeSessions` (Redis) runs inside the
// transaction once every check passed and before the delete: if it fails nothing is deleted, and
// if the delete fails the member is signed out but still there — never removed yet signed in.
import { eq } from "drizzle-orm";
import { users, type TenantDb } from "@repo/db/tenant";
import { IdentityError } from "../identity-error";
import type { IdentityActor, InTransaction } from "../identity-types";
import { assertCanManageMember } from "./assert-can-manage-member";
import { lockOwners } from "./lock-owners";

export type RemovedMember = { userId: string; email: string };

export async function removeMember(
  db: TenantDb,
  options: {
    actor: IdentityActor;
    userId: string;
    revokeSessions: (userId: string) => Promise<void>;
    inTransaction?: InTransaction<RemovedMember>;
  },
): Promise<RemovedMember> {
  return db.transaction(async (tx) => {
    const owners = await lockOwners(tx);
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, options.userId))
      .for("update");
    if (!user) throw new IdentityError("member_not_found");
    await assertCanManageMember(tx, options.actor, options.userId);
    if (owners.includes(options.userId) && owners.length === 1) throw new IdentityError("last_owner");
    await options.revokeSessions(user.id);
    await tx.delete(users).where(eq(users.id, options.userId));
    const removed = { userId: user.id, email: user.email };
    await options.inTransaction?.(tx, removed);
    return removed;
  });
}
