import { and, inArray, isNull } from "drizzle-orm";
import { sessions, type TenantDb } from "@repo/db/tenant";

/** Mirrors revocations into the session inventory (display only; Redis enforces them). */
export async function markSessionsRevoked(db: TenantDb, sids: string[]): Promise<void> {
  if (sids.length === 0) return;
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(inArray(sessions.sid, sids), isNull(sessions.revokedAt)));
}
