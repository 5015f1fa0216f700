// Suspend, resume and delete. Each invalidates this process's registry cache; other
// processes see the change within the cache TTL (the admin app also revokes tokens in Redis).
import { tenants, type ControlPlaneDb } from "@repo/db/control-plane";
import { eq, inArray, and, sql } from "drizzle-orm";
import { TenantNotFoundError, TenantUnavailableError } from "../errors";
import { toTenant } from "../registry/tenant-registry";
import { withSlugLock, type TenancyContext } from "../tenancy-context";
import { type Tenant, type TenantStatus } from "../types";

/** A control-plane transaction, as handed to `StatusChangeOptions.inTransaction`. */
export type ControlPlaneTx = Parameters<Parameters<ControlPlaneDb["transaction"]>[0]>[0];

export type StatusChangeOptions = {
  /**
   * Runs inside the status update's transaction when the status actually changes (e.g. to
   * append an outbox event that commits or rolls back with it). Throwing rolls the change back.
   */
  inTransaction?: (tx: ControlPlaneTx, tenant: Tenant) => Promise<unknown>;
};

async function setStatus(ctx: TenancyContext, slugOrId: string, status: "active" | "suspended", options: StatusChangeOptions): Promise<Tenant> {
  const current = await ctx.registry.findFresh(slugOrId);
  if (!current) throw new TenantNotFoundError(slugOrId);
  const settable: TenantStatus[] = ["active", "suspended"];
  const row = await ctx.controlPlane.db.transaction(async (tx) => {
    const [before] = await tx.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, current.id)).for("update");
    const [updated] = await tx
      .update(tenants)
      .set({ status, updatedAt: sql`now()` })
      .where(and(eq(tenants.id, current.id), inArray(tenants.status, settable)))
      .returning();
    if (updated && before?.status !== status) await options.inTransaction?.(tx, toTenant(updated));
    return updated;
  });
  ctx.registry.invalidate(current);
  if (!row) throw new TenantUnavailableError(current.slug, current.status);
  return toTenant(row);
}

export function suspendTenant(ctx: TenancyContext, slugOrId: string, options: StatusChangeOptions = {}): Promise<Tenant> {
  return setStatus(ctx, slugOrId, "suspended", options);
}

export function resumeTenant(ctx: TenancyContext, slugOrId: string, options: StatusChangeOptions = {}): Promise<Tenant> {
  return setStatus(ctx, slugOrId, "active", options);
}

/**
 * Marks the tenant `deleting`, drains this process's pool for it, drops its database (other
 * sessions are terminated) and removes the row. Re-running after a failure finishes the job.
 */
export async function deleteTenant(ctx: TenancyContext, slugOrId: string): Promise<void> {
  const found = await ctx.registry.findFresh(slugOrId);
  if (!found) throw new TenantNotFoundError(slugOrId);
  await withSlugLock(ctx, found.slug, async () => {
    const current = await ctx.registry.findFresh(found.id);
    if (!current) return;
    await ctx.controlPlane.db.update(tenants).set({ status: "deleting", updatedAt: sql`now()` }).where(eq(tenants.id, current.id));
    ctx.registry.invalidate(current);
    await ctx.router.closePool(current.id);
    await ctx.servers.dropDatabase(current.serverName, current.databaseName);
    await ctx.controlPlane.db.delete(tenants).where(eq(tenants.id, current.id));
    ctx.registry.invalidate(current);
  });
}
