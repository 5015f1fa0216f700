// A signed-in user changes their password (current one required) in ONE tenant-DB transaction.
// `revokeOtherSessions` (Redis) runs inside it after the checks: every other session of the
// user ends; the caller's own session stays.
import { eq } from "drizzle-orm";
import { users, type TenantDb } from "@repo/db/tenant";
import { hashPassword, verifyPassword } from "../../server/password";
import { IdentityError } from "../identity-error";

export async function changeOwnPassword(
  db: TenantDb,
  options: { userId: string; currentPassword: string; newPassword: string; revokeOtherSessions: () => Promise<void> },
): Promise<void> {
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, options.userId)).for("update");
    if (!user) throw new IdentityError("member_not_found");
    if (!(await verifyPassword(user.passwordHash, options.currentPassword)))
      throw new IdentityError("invalid_credentials", "Your current password is not right.");
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    await options.revokeOtherSessions();
  });
}
