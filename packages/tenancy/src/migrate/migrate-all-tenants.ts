// Applies the tenant migration history to every routable tenant with bounded concurrency.
// Each database is migrated under its own advisory lock (see @repo/db/migrations); a failure
// is recorded for that tenant and the run continues. Re-running is safe: done work is skipped.
import { migrateTenant } from "@repo/db/migrations";
import { syncBuiltinRoles } from "../provisioning/sync-builtin-roles";
import { type TenancyContext } from "../tenancy-context";
import { type Tenant } from "../types";

export type MigrateProgress = {
  done: number;
  total: number;
  failed: number;
  tenant: Tenant;
  ok: boolean;
  /** Migrations applied to this tenant in this run. */
  applied: number;
  error?: Error;
};

export type MigrateAllOptions = {
  /** Tenants migrated at once (default 4). */
  concurrency?: number;
  onProgress?: (progress: MigrateProgress) => void;
};

export type MigrateAllResult = {
  total: number;
  succeeded: number;
  failed: { tenant: Tenant; error: Error }[];
  durationMs: number;
};

export async function migrateAllTenants(
  ctx: TenancyContext,
  options: MigrateAllOptions = {},
): Promise<MigrateAllResult> {
  const startedAt = performance.now();
  const list = await ctx.registry.list({ status: ["active", "suspended"], limit: 1_000_000 });
  const failed: MigrateAllResult["failed"] = [];
  let done = 0;
  let next = 0;

  const migrateOne = async (tenant: Tenant) => {
    let applied = 0;
    let error: Error | undefined;
    try {
      await ctx.servers.withDatabase(tenant.serverName, tenant.databaseName, async (sql) => {
        applied = (await migrateTenant(sql, { migrationsFolder: ctx.tenantMigrationsFolder })).applied;
        await syncBuiltinRoles(sql, ctx.builtinRoles);
        // Grants for tables this run created; creates the role of tenants older than roles.
        await ctx.servers.ensureTenantRole(tenant.serverName, tenant.databaseName, sql);
      });
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught));
      failed.push({ tenant, error });
    }
    done++;
    options.onProgress?.({
      done,
      total: list.length,
      failed: failed.length,
      tenant,
      ok: !error,
      applied,
      ...(error ? { error } : {}),
    });
  };

  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, list.length)) }, async () => {
    while (next < list.length) await migrateOne(list[next++]!);
  });
  await Promise.all(workers);
  return {
    total: list.length,
    succeeded: list.length - failed.length,
    failed,
    durationMs: performance.now() - startedAt,
  };
}
