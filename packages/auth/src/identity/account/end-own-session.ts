// Ends one of the signed-in user's own sessions: revoked in Redis (`revoke`), then marked in
// the inventory. A sid that isn't theirs is "not found" (no probing other people's sessions).
import { and, eq, isNull } from "drizzle-orm";
import { sessions, type TenantDb } from "@repo/db/tenant";
import { IdentityError } from "../identity-error";
import type { InTransaction } from "../identity-types";

export async function endOwnSession(
  db: TenantDb,
  options: {
    userId: string;
    sid: string;
    revoke: (sid: string, expiresAt: Date) => Promise<void>;
    /** Runs in the inventory update's transaction (e.g. to append `session.revoked`). */
    inTransaction?: InTransaction<{ userId: string; sid: string }>;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ sid: sessions.sid, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(and(eq(sessions.sid, options.sid), eq(sessions.userId, options.userId), isNull(sessions.revokedAt)))
      .for("update");
    if (!row) throw new IdentityError("session_not_found");
    await options.revoke(row.sid, row.expiresAt);
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.sid, row.sid));
    await options.inTransaction?.(tx, { userId: options.userId, sid: row.sid });
  });
}
