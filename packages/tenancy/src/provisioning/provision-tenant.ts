// provisionTenant: registry row `provisioning` → CREATE DATABASE → migrate → built-in roles →
// `active`. All or nothing: on any failure the database is dropped and the row deleted. A row
// left in `provisioning` by a crashed process is cleaned up by the next attempt for that slug.
import { migrateTenant } from "@repo/db/migrations";
import { tenants } from "@repo/db/control-plane";
import { and, eq, sql } from "drizzle-orm";
import { InvalidSlugError, InvalidTenantNameError, ProvisioningFailedError, SlugTakenError } from "../errors";
import { validateSlug } from "../host/index";
import { toTenant } from "../registry/tenant-registry";
import { chooseServer } from "../servers/server-registry";
import { withSlugLock, type InTransaction, type ProvisionStep, type TenancyContext } from "../tenancy-context";
import { type Tenant } from "../types";
import { syncBuiltinRoles } from "./sync-builtin-roles";

export type ProvisionTenantInput = { slug: string; name: string; server?: string };

/** A completed provisioning step, in order: the fault-injector steps, then `active`. */
export type ProvisionProgressStep = ProvisionStep | "active";

export type ProvisionTenantOptions = {
  /**
   * Called after each step completes (row-inserted → database-created → migrated →
   * roles-seeded → active). Observation only: a throwing callback (e.g. a closed stream) is
   * ignored, so it can neither abort nor roll back provisioning.
   */
  onProgress?: (step: ProvisionProgressStep) => void;
  /** Runs in the transaction that activates the tenant (e.g. the audit entry); throwing rolls back. */
  inTransaction?: InTransaction;
};

/** `tenant_<slug>_<random>`: readable in psql, unique even if a crashed attempt left a database. */
function makeDatabaseName(slug: string): string {
  const suffix = crypto.randomUUID().replace(/-/g, "").slice(0, 8);
  return `tenant_${slug.replace(/-/g, "_")}_${suffix}`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

/** Removes whatever a provisioning attempt created. Idempotent. */
export async function cleanupProvisioning(
  ctx: TenancyContext,
  tenant: Pick<Tenant, "id" | "slug" | "serverName" | "databaseName">,
): Promise<void> {
  await ctx.servers.dropDatabase(tenant.serverName, tenant.databaseName);
  await ctx.servers.dropTenantRole(tenant.serverName, tenant.databaseName);
  await ctx.controlPlane.db.delete(tenants).where(and(eq(tenants.id, tenant.id), eq(tenants.status, "provisioning")));
  ctx.registry.invalidate(tenant);
}

export async function provisionTenant(
  ctx: TenancyContext,
  input: ProvisionTenantInput,
  options: ProvisionTenantOptions = {},
): Promise<Tenant> {
  const validation = validateSlug(input.slug);
  if (!validation.ok) throw new InvalidSlugError(validation.code, validation.message);
  const slug = validation.slug;
  const name = input.name?.trim() ?? "";
  if (name.length === 0 || name.length > 120) throw new InvalidTenantNameError();

  return withSlugLock(ctx, slug, async () => {
    const existing = await ctx.registry.findFresh(slug);
    if (existing && existing.status !== "provisioning") throw new SlugTakenError(slug);
    // We hold the slug lock, so a `provisioning` row belongs to a crashed attempt: clean it up.
    if (existing) await cleanupProvisioning(ctx, existing);

    const server = await chooseServer(ctx.controlPlane.db, input.server);
    const databaseName = makeDatabaseName(slug);
    const report = (step: ProvisionProgressStep) => {
      try {
        options.onProgress?.(step);
      } catch {
        // Progress is observation only (see ProvisionTenantOptions).
      }
    };
    // The fault injector runs first: a step reported as done has really survived its fault point.
    const inject = async (step: ProvisionStep) => {
      await ctx.faultInjector?.(step, { slug, databaseName });
      report(step);
    };

    let row;
    try {
      [row] = await ctx.controlPlane.db
        .insert(tenants)
        .values({ slug, name, status: "provisioning", serverName: server.name, databaseName })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlugTakenError(slug);
      throw error;
    }
    const created = toTenant(row!);

    try {
      await inject("row-inserted");
      await ctx.servers.createDatabase(server.name, databaseName);
      await inject("database-created");
      await ctx.servers.withDatabase(server.name, databaseName, async (tenantSql) => {
        await migrateTenant(tenantSql, { migrationsFolder: ctx.tenantMigrationsFolder });
        await inject("migrated");
        await syncBuiltinRoles(tenantSql, ctx.builtinRoles);
        await ctx.servers.ensureTenantRole(server.name, databaseName, tenantSql);
      });
      await inject("roles-seeded");
      const active = await ctx.controlPlane.db.transaction(async (tx) => {
        const [row] = await tx
          .update(tenants)
          .set({ status: "active", updatedAt: sql`now()` })
          .where(eq(tenants.id, created.id))
          .returning();
        const tenant = toTenant(row!);
        await options.inTransaction?.(tx, tenant);
        return tenant;
      });
      ctx.registry.invalidate(created);
      report("active");
      return active;
    } catch (error) {
      try {
        await cleanupProvisioning(ctx, created);
      } catch {
        // The row stays `provisioning`; the next attempt for this slug finishes the cleanup.
      }
      throw new ProvisioningFailedError(slug, error);
    }
  });
}
