// Suspend, resume and delete. Each invalidates this process's registry cache; other
// processes see the change within the cache TTL (the admin app also revokes tokens in Redis).
import { tenants } from "@repo/db/control-plane";
import { eq, inArray, and, sql } from "drizzle-orm";
import { TenantNotFoundError, TenantUnavailableError } from "../errors";
import { toTenant } from "../registry/tenant-registry";
import { withSlugLock, type TenancyContext } from "../tenancy-context";
import { type Tenant, type TenantStatus } from "../types";

async function setStatus(ctx: TenancyContext, slugOrId: string, status: "active" | "suspended"): Promise<Tenant> {
  const current = await ctx.registry.findFresh(slugOrId);
  if (!current) throw new TenantNotFoundError(slugOrId);
  const settable: TenantStatus[] = ["active", "suspended"];
  const [row] = await ctx.controlPlane.db
    .update(tenants)
    .set({ status, updatedAt: sql`now()` })
    .where(and(eq(tenants.id, current.id), inArray(tenants.status, settable)))
    .returning();
  ctx.registry.invalidate(current);
  if (!row) throw new TenantUnavailableError(current.slug, current.status);
  return toTenant(row);
}

export function suspendTenant(ctx: TenancyContext, slugOrId: string): Promise<Tenant> {
  return setStatus(ctx, slugOrId, "suspended");
}

export function resumeTenant(ctx: TenancyContext, slugOrId: string): Promise<Tenant> {
  return setStatus(ctx, slugOrId, "active");
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
