// Mirrors a revocation into the session inventory (display only; Redis enforces it).
import { and, eq, isNull } from "drizzle-orm";
import { sessions, type TenantDb } from "@repo/db/tenant";

export async function markSessionsRevoked(db: TenantDb, target: { sid: string } | { userId: string } | { all: true }): Promise<void> {
  const now = new Date();
  const where =
    "sid" in target
      ? and(eq(sessions.sid, target.sid), isNull(sessions.revokedAt))
      : "userId" in target
        ? and(eq(sessions.userId, target.userId), isNull(sessions.revokedAt))
        : isNull(sessions.revokedAt);
  await db.update(sessions).set({ revokedAt: now }).where(where);
}
