// One tenant's user count and sign-ins per UTC day (a session row is written at each sign-in).
import { count, gte, sql } from "drizzle-orm";
import { sessions, users, type TenantDb } from "@repo/db/tenant";

export async function countTenantActivity(
  db: TenantDb,
  since: Date,
): Promise<{ users: number; signInsByDay: Map<string, number> }> {
  const day = sql<string>`to_char(date_trunc('day', ${sessions.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const [[userRow], dayRows] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ day, n: count() }).from(sessions).where(gte(sessions.createdAt, since)).groupBy(day),
  ]);
  return { users: userRow?.n ?? 0, signInsByDay: new Map(dayRows.map((r) => [r.day, r.n])) };
}
