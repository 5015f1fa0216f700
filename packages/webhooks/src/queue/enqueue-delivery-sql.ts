// The SQL that queues a delivery job (graphile-worker's `add_job`), run inside the caller's
// control-plane transaction so "delivery row" and "its job" commit together. The job key makes
// it one queued job per delivery; a running (locked) job keeps running and a new one is queued,
// which the delivery lease turns into a no-op if the first is still in flight.
import { sql, type SQL } from "drizzle-orm";

export const DELIVER_TASK = "deliver-webhook";

export function deliveryJobKey(deliveryId: string): string {
  return `deliver:${deliveryId}`;
}

export function enqueueDeliverySql(deliveryId: string, runAt?: Date): SQL {
  const payload = JSON.stringify({ deliveryId });
  return runAt
    ? sql`select graphile_worker.add_job(${DELIVER_TASK}, ${payload}::json, run_at => ${runAt.toISOString()}::timestamptz, job_key => ${deliveryJobKey(deliveryId)})`
    : sql`select graphile_worker.add_job(${DELIVER_TASK}, ${payload}::json, job_key => ${deliveryJobKey(deliveryId)})`;
}
