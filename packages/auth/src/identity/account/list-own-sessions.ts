// The signed-in user's live sessions from the inventory (device, IP, created, last use).
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { sessions, type TenantDb } from "@repo/db/tenant";
import { describeUserAgent } from "./describe-user-agent";

export type OwnSessionView = {
  sid: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  isCurrent: boolean;
};

export async function listOwnSessions(
  db: TenantDb,
  options: { userId: string; currentSid: string },
): Promise<OwnSessionView[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, options.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.createdAt))
    .limit(100);
  return rows.map((row) => ({
    sid: row.sid,
    device: describeUserAgent(row.userAgent),
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: (row.lastUsedAt ?? row.createdAt).toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    isCurrent: row.sid === options.currentSid,
  }));
}

/** The user's other live sessions (sid + expiry), e.g. to revoke them after a password change. */
export async function listOtherSessionIds(
  db: TenantDb,
  options: { userId: string; currentSid: string },
): Promise<{ sid: string; expiresAt: Date }[]> {
  const rows = await db
    .select({ sid: sessions.sid, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.userId, options.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())));
  return rows.filter((row) => row.sid !== options.currentSid);
}
