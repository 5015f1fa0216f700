// The safety net, run by every worker process every `sweepIntervalMs` (idempotent, so several
// processes sweeping at once is harmless): write this process's heartbeat; queue a relay for
// every tenant with an enabled endpoint and for the control plane's outbox (covers a lost
// post-commit poke); re-queue pending deliveries that are overdue with no live lease (covers a
// worker killed mid-delivery — graphile-worker itself would only unlock its job after 4 hours).
import { sql } from "drizzle-orm";
import { RELAY_TASK } from "../events/request-outbox-relay";
import { DELIVER_TASK } from "../queue/enqueue-delivery-sql";
import type { WorkerContext } from "./worker-context";

export async function sweepOutboxes(ctx: WorkerContext): Promise<void> {
  const cp = ctx.controlPlane;
  await cp.execute(sql`
    insert into worker_heartbeats (worker_id) values (${ctx.workerId})
    on conflict (worker_id) do update set last_seen_at = now()`);
  await cp.execute(sql`delete from worker_heartbeats where last_seen_at < now() - interval '1 day'`);
  await cp.execute(sql`
    select graphile_worker.add_job(${RELAY_TASK}, json_build_object('tenantId', t.tenant_id),
      job_key => 'relay:' || t.tenant_id, job_key_mode => 'preserve_run_at')
    from (select distinct tenant_id from webhook_endpoints where disabled_at is null) t`);
  await cp.execute(sql`
    select graphile_worker.add_job(${RELAY_TASK}, '{"controlPlane":true}'::json,
      job_key => 'relay:control-plane', job_key_mode => 'preserve_run_at')
    where exists (select 1 from outbox_events)`);
  await cp.execute(sql`
    select graphile_worker.add_job(${DELIVER_TASK}, json_build_object('deliveryId', d.id),
      job_key => 'deliver:' || d.id, job_key_mode => 'preserve_run_at')
    from (
      select id from webhook_deliveries
      where status = 'pending'
        and next_attempt_at < now() - ${ctx.settings.overdueAfterMs} * interval '1 millisecond'
        and (leased_until is null or leased_until < now())
      order by next_attempt_at limit 500
    ) d`);
}
