// After a commit that appended events, the writer asks the worker to relay that outbox now
// (a graphile-worker job in the control plane, de-duplicated per source by its job key).
// Best effort and never awaited on a hot path: if this poke is lost (crash, queue not yet
// installed), the worker's periodic sweep relays the rows anyway — nothing is lost, only later.
import { sql } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";

export type OutboxSource = { tenantId: string } | { controlPlane: true };

export const RELAY_TASK = "relay-outbox";

/** The job key that keeps at most one queued relay per outbox. */
export function relayJobKey(source: OutboxSource): string {
  return "tenantId" in source ? `relay:${source.tenantId}` : "relay:control-plane";
}

let hasWarned = false;

/**
 * Enqueues a relay of `source`'s outbox on the control-plane queue. Resolves either way; a
 * failure is logged once per process (e.g. the worker has never run, so its schema is missing).
 */
export async function requestOutboxRelay(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any drizzle control-plane handle
  controlPlane: Pick<PgDatabase<any, any, any>, "execute">,
  source: OutboxSource,
): Promise<void> {
  try {
    await controlPlane.execute(
      sql`select graphile_worker.add_job(${RELAY_TASK}, ${JSON.stringify(source)}::json, job_key => ${relayJobKey(source)})`,
    );
  } catch (error) {
    if (!hasWarned) {
      hasWarned = true;
      const cause = (error as { cause?: unknown }).cause ?? error;
      const reason = cause instanceof Error ? cause.message : String(cause);
      console.warn(
        `[webhooks] could not enqueue an outbox relay (${reason}); the worker's sweep relays the events once it runs`,
      );
    }
  }
}
