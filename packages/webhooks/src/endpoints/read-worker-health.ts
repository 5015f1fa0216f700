// Worker liveness for readiness checks: the freshest heartbeat any webhook worker wrote.
import { desc } from "drizzle-orm";
import { workerHeartbeats, type ControlPlaneDb } from "@repo/db/control-plane";

export type WorkerHealth = { ok: boolean; lastSeenAt: string | null; ageMs: number | null };

/** `ok` when some worker wrote a heartbeat within `staleAfterMs` (default 90 s). */
export async function readWorkerHealth(db: ControlPlaneDb, options: { staleAfterMs?: number } = {}): Promise<WorkerHealth> {
  const [row] = await db.select({ lastSeenAt: workerHeartbeats.lastSeenAt }).from(workerHeartbeats).orderBy(desc(workerHeartbeats.lastSeenAt)).limit(1);
  if (!row) return { ok: false, lastSeenAt: null, ageMs: null };
  const ageMs = Math.max(0, Date.now() - row.lastSeenAt.getTime());
  return { ok: ageMs <= (options.staleAfterMs ?? 90_000), lastSeenAt: row.lastSeenAt.toISOString(), ageMs };
}
