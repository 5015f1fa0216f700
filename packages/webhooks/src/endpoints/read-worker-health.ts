// Worker liveness for readiness checks: the freshest heartbeat any webhook worker wrote, aged
// by the database's clock (the same clock that stamped it).
import { sql } from "drizzle-orm";
import type { ControlPlaneDb } from "@repo/db/control-plane";

export type WorkerHealth = { ok: boolean; lastSeenAt: string | null; ageMs: number | null };

/** `ok` when some worker wrote a heartbeat within `staleAfterMs` (default 90 s). */
export async function readWorkerHealth(
  db: ControlPlaneDb,
  options: { staleAfterMs?: number } = {},
): Promise<WorkerHealth> {
  const [row] = await db.execute<{ last_seen_at: string | null; age_ms: string | null }>(sql`
    select max(last_seen_at)::text as last_seen_at,
           (extract(epoch from now() - max(last_seen_at)) * 1000)::bigint::text as age_ms
    from worker_heartbeats`);
  if (!row?.last_seen_at || row.age_ms === null) return { ok: false, lastSeenAt: null, ageMs: null };
  const ageMs = Math.max(0, Number(row.age_ms));
  return { ok: ageMs <= (options.staleAfterMs ?? 90_000), lastSeenAt: new Date(row.last_seen_at).toISOString(), ageMs };
}
