// Task `relay-outbox`: moves one outbox (a tenant DB's, or the control plane's) into deliveries.
// In the source DB's transaction: lock a batch (SKIP LOCKED, so parallel relays split the work),
// fan it out to the matching endpoints in ONE control-plane transaction (delivery rows + their
// jobs), then delete the batch and commit. A crash in between re-relays the batch; the unique
// (endpoint, event) index makes that a no-op, so no event is lost and none is doubled.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { tenants, webhookDeliveries, webhookEndpoints } from "@repo/db/control-plane";
import { outboxEvents, type OutboxEventRow } from "@repo/db/outbox";
import type { PgDatabase } from "drizzle-orm/pg-core";
import type { OutboxSource } from "../events/request-outbox-relay";
import { enqueueDeliverySql } from "../queue/enqueue-delivery-sql";
import type { WorkerContext } from "./worker-context";

const BATCH_SIZE = 100;
const MAX_BATCHES_PER_JOB = 20;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tenant and control-plane drizzle handles both fit
type SourceDb = PgDatabase<any, any, any>;

export async function relayOutbox(ctx: WorkerContext, source: OutboxSource): Promise<number> {
  let db: SourceDb;
  if ("tenantId" in source) {
    const [tenant] = await ctx.controlPlane
      .select({ status: tenants.status })
      .from(tenants)
      .where(eq(tenants.id, source.tenantId));
    // Deleted or not yet/no longer routable: nothing to relay (its endpoints are gone or absent).
    if (!tenant || (tenant.status !== "active" && tenant.status !== "suspended")) return 0;
    db = ctx.getTenantDb(source.tenantId);
  } else {
    db = ctx.controlPlane;
  }
  let relayed = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_JOB; batch++) {
    const count = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outboxEvents)
        .orderBy(asc(outboxEvents.seq))
        .limit(BATCH_SIZE)
        .for("update", { skipLocked: true });
      if (rows.length === 0) return 0;
      await fanOut(ctx, rows, "tenantId" in source ? source.tenantId : null);
      await tx.delete(outboxEvents).where(
        inArray(
          outboxEvents.seq,
          rows.map((r) => r.seq),
        ),
      );
      return rows.length;
    });
    relayed += count;
    if (count < BATCH_SIZE) break;
  }
  return relayed;
}

async function fanOut(ctx: WorkerContext, rows: OutboxEventRow[], sourceTenantId: string | null): Promise<void> {
  const tenantIds = sourceTenantId
    ? [sourceTenantId]
    : [...new Set(rows.map((r) => r.tenantId).filter((id): id is string => id !== null))];
  if (tenantIds.length === 0) return;
  const cp = ctx.controlPlane;
  const [tenantRows, endpoints] = await Promise.all([
    cp.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(inArray(tenants.id, tenantIds)),
    cp
      .select()
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.tenantId, tenantIds), isNull(webhookEndpoints.disabledAt))),
  ]);
  if (endpoints.length === 0) return;
  const slugs = new Map(tenantRows.map((t) => [t.id, t.slug]));
  await cp.transaction(async (tx) => {
    for (const row of rows) {
      const tenantId = sourceTenantId ?? row.tenantId;
      const slug = tenantId ? slugs.get(tenantId) : undefined;
      if (!tenantId || !slug) continue;
      const payload = {
        type: row.type,
        timestamp: row.occurredAt.toISOString(),
        data: { tenant: { id: tenantId, slug }, ...row.data },
      };
      // Endpoints created after the event do not receive it.
      const targets = endpoints.filter(
        (e) => e.tenantId === tenantId && e.events.includes(row.type) && e.createdAt <= row.occurredAt,
      );
      for (const endpoint of targets) {
        const [inserted] = await tx
          .insert(webhookDeliveries)
          .values({ endpointId: endpoint.id, tenantId, eventId: row.id, eventType: row.type, payload })
          .onConflictDoNothing()
          .returning({ id: webhookDeliveries.id });
        if (inserted) await tx.execute(enqueueDeliverySql(inserted.id));
      }
    }
  });
}
