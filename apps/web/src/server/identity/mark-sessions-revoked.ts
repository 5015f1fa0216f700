import { and, inArray, isNull } from "drizzle-orm";
import { sessions, type TenantDb } from "@repo/db/tenant";
import { appendEvent, type EventActor } from "@repo/webhooks/events";

/**
 * Mirrors revocations into the session inventory (display only; Redis enforces them), with one
 * `session.revoked` event per session that was still open, in the same transaction.
 */
export async function markSessionsRevoked(db: TenantDb, sids: string[], actor: EventActor): Promise<void> {
  if (sids.length === 0) return;
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(inArray(sessions.sid, sids), isNull(sessions.revokedAt)))
      .returning({ sid: sessions.sid, userId: sessions.userId });
    for (const { sid, userId } of ended)
      await appendEvent(tx, { type: "session.revoked", data: { scope: "session", userId, sessionId: sid, actor } });
  });
}
