// Sets a new password from a reset link in ONE tenant-DB transaction: the token row is locked
// (single use), the hash replaced, every reset link of the user spent, the session inventory
// marked revoked. `revokeSessions` (Redis: the user epoch) runs inside the transaction after the
// checks and before the commit, so a new password never coexists with the old sessions.
import { and, eq, isNull } from "drizzle-orm";
import { passwordResetTokens, sessions, users, type TenantDb } from "@repo/db/tenant";
import { hashPassword } from "../../server/password";
import { IdentityError } from "../identity-error";
import type { InTransaction } from "../identity-types";
import { hashOneTimeToken } from "../one-time-token";

export async function resetPassword(
  db: TenantDb,
  options: {
    token: string;
    password: string;
    revokeSessions: (userId: string) => Promise<void>;
    /** Runs before commit, after every session was revoked (e.g. to append `session.revoked`). */
    inTransaction?: InTransaction<{ userId: string }>;
  },
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, hashOneTimeToken(options.token)))
      .for("update");
    if (!row) throw new IdentityError("invalid_token");
    if (row.usedAt) throw new IdentityError("reset_token_used");
    if (row.expiresAt.getTime() <= Date.now()) throw new IdentityError("reset_token_expired");
    const [user] = await tx
      .select({ id: users.id, disabled: users.disabled })
      .from(users)
      .where(eq(users.id, row.userId))
      .for("update");
    if (!user) throw new IdentityError("invalid_token");
    if (user.disabled) throw new IdentityError("account_disabled");
    const now = new Date();
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    await options.revokeSessions(user.id);
    await options.inTransaction?.(tx, { userId: user.id });
    return { userId: user.id };
  });
}
