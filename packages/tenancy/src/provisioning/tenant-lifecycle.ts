// Suspend, resume and delete. Each invalidates this process's registry cache; other
// processes see the change within the cache TTL (the admin app also revokes tokens in Redis).
import { tenants } from "@repo/db/control-plane";
import { eq, inArray, and, sql } from "drizzle-orm";
import { TenantNotFoundError, TenantUnavailableError } from "../errors";
import { toTenant } from "../registry/tenant-registry";
import { withSlugLock, type TenancyContext, type TenantChangeOptions } from "../tenancy-context";
import { type Tenant, type TenantStatus } from "../types";

async function setStatus(
  ctx: TenancyContext,
  slugOrId: string,
  status: "active" | "suspended",
  options: TenantChangeOptions,
): Promise<Tenant> {
  const current = await ctx.registry.findFresh(slugOrId);
  if (!current) throw new TenantNotFoundError(slugOrId);
  const settable: TenantStatus[] = ["active", "suspended"];
  try {
    return await ctx.controlPlane.db.transaction(async (tx) => {
      const [row] = await tx
        .update(tenants)
        .set({ status, updatedAt: sql`now()` })
        .where(and(eq(tenants.id, current.id), inArray(tenants.status, settable)))
        .returning();
      if (!row) throw new TenantUnavailableError(current.slug, current.status);
      const updated = toTenant(row);
      await options.inTransaction?.(tx, updated);
      return updated;
    });
  } finally {
    ctx.registry.invalidate(current);
  }
}

export function suspendTenant(
  ctx: TenancyContext,
  slugOrId: string,
  options: TenantChangeOptions = {},
): Promise<Tenant> {
  return setStatus(ctx, slugOrId, "suspended", options);
}

export function resumeTenant(
  ctx: TenancyContext,
  slugOrId: string,
  options: TenantChangeOptions = {},
): Promise<Tenant> {
  return setStatus(ctx, slugOrId, "active", options);
}

/**
 * Marks the tenant `deleting`, drains this process's pool for it, drops its database (other
 * sessions are terminated) and removes the row. Re-running after a failure finishes the job.
 */
export async function deleteTenant(
  ctx: TenancyContext,
  slugOrId: string,
  options: TenantChangeOptions = {},
): Promise<void> {
  const found = await ctx.registry.findFresh(slugOrId);
  if (!found) throw new TenantNotFoundError(slugOrId);
  await withSlugLock(ctx, found.slug, async () => {
    const current = await ctx.registry.findFresh(found.id);
    if (!current) return;
    await ctx.controlPlane.db
      .update(tenants)
      .set({ status: "deleting", updatedAt: sql`now()` })
      .where(eq(tenants.id, current.id));
    ctx.registry.invalidate(current);
    await ctx.router.closePool(current.id);
    await ctx.servers.dropDatabase(current.serverName, current.databaseName);
    await ctx.servers.dropTenantRole(current.serverName, current.databaseName);
    await ctx.controlPlane.db.transaction(async (tx) => {
      await tx.delete(tenants).where(eq(tenants.id, current.id));
      await options.inTransaction?.(tx, current);
    });
    ctx.registry.invalidate(current);
  });
}
