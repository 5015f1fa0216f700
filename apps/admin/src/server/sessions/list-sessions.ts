// The session inventory of a tenant (optionally one user): written at sign-in by the web app.
// "Active" = not revoked in the inventory and not expired; Redis is the authority on
// revocation, the inventory's `revoked_at` is a display hint set when the console revokes.
import { and, desc, eq, gt, isNull, type SQL } from "drizzle-orm";
import { sessions, users, type TenantDb } from "@repo/db/tenant";

export type SessionView = {
  sid: string;
  userId: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  revokedAt: string | null;
  active: boolean;
};

export async function listSessions(
  db: TenantDb,
  options: { userId?: string; includeInactive?: boolean },
): Promise<SessionView[]> {
  const now = new Date();
  const filters: SQL[] = [];
  if (options.userId) filters.push(eq(sessions.userId, options.userId));
  if (!options.includeInactive) filters.push(isNull(sessions.revokedAt), gt(sessions.expiresAt, now));
  const rows = await db
    .select({ s: sessions, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(sessions.createdAt))
    .limit(500);
  return rows.map(({ s, email }) => ({
    sid: s.sid,
    userId: s.userId,
    email,
    createdAt: s.createdAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    revokedAt: s.revokedAt?.toISOString() ?? null,
    active: !s.revokedAt && s.expiresAt > now,
  }));
}
