// Mirrors a revocation into the session inventory (display only; Redis enforces it), and
// appends the `session.revoked` event in the same tenant-DB transaction.
import { and, eq, isNull } from "drizzle-orm";
import { sessions, type TenantDb } from "@repo/db/tenant";
import { appendEvent, type EventActor } from "@repo/webhooks/events";
import { requestRelay } from "../events/request-relay";

type RevocationTarget = { sid: string; userId?: string } | { userId: string } | { all: true };

export async function markSessionsRevoked(
  db: TenantDb,
  target: RevocationTarget,
  context: { tenantId: string; actor: EventActor },
): Promise<void> {
  const now = new Date();
  const where =
    "sid" in target
      ? and(eq(sessions.sid, target.sid), isNull(sessions.revokedAt))
      : "userId" in target
        ? and(eq(sessions.userId, target.userId), isNull(sessions.revokedAt))
        : isNull(sessions.revokedAt);
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: now }).where(where);
    await appendEvent(tx, {
      type: "session.revoked",
      data: {
        scope: "sid" in target ? "session" : "userId" in target ? "user" : "tenant",
        userId: "userId" in target ? (target.userId ?? null) : null,
        sessionId: "sid" in target ? target.sid : null,
        actor: context.actor,
      },
    });
  });
  requestRelay({ tenantId: context.tenantId });
}
