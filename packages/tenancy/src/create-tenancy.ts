// createTenancy: one self-contained tenancy instance (control-plane pool, registry cache,
// connection router, provisioning). Apps use the default instance from `./default-tenancy`;
// tests and tools create their own. Node only.
import { createControlPlaneDb, type ControlPlaneDb } from "@repo/db/control-plane";
import { migrateControlPlane, type MigrateResult } from "@repo/db/migrations";
import { createTenantDrizzle, type TenantDb } from "@repo/db/tenant";
import { LRUCache } from "lru-cache";
import postgres from "postgres";
import { TenantNotFoundError, TenantUnavailableError } from "./errors";
import { migrateAllTenants, type MigrateAllOptions, type MigrateAllResult } from "./migrate/migrate-all-tenants";
import { provisionTenant, type ProvisionTenantInput, type ProvisionTenantOptions } from "./provisioning/provision-tenant";
import { deleteTenant, resumeTenant, suspendTenant } from "./provisioning/tenant-lifecycle";
import { TenantRegistry, type ListTenantsOptions } from "./registry/tenant-registry";
import { PoolRouter, type RouterMetrics } from "./router/pool-router";
import { createRoutedClient } from "./router/routed-client";
import { type ResolveEnv } from "./servers/connection-ref";
import { ServerConnections } from "./servers/server-connections";
import { listServers, registerServer, type DbServer, type RegisterServerInput } from "./servers/server-registry";
import { type FaultInjector, type TenancyContext, type TenantChangeOptions } from "./tenancy-context";
import { type BuiltinRoleInput, type Tenant } from "./types";

export type TenancyOptions = {
  /** Superuser-ish URL of the control-plane database (it also needs CREATEDB on tenant servers). */
  controlPlaneUrl: string;
  /** Built-in roles seeded into every tenant and re-synced by `migrateAllTenants`. */
  builtinRoles?: readonly BuiltinRoleInput[];
  /** Max connections per tenant pool (default 3). */
  poolMax?: number;
  /** Seconds before an idle tenant connection closes (default 30). */
  poolIdleTimeoutSeconds?: number;
  /** Global cap on tenant connections in this process (default 60). */
  connectionBudget?: number;
  /** How long a query may wait for connection capacity (default 30 000 ms). */
  acquireTimeoutMs?: number;
  /** TTL of the tenant registry cache (default 5 000 ms; 0 disables it). */
  cacheTtlMs?: number;
  /** Resolves `env:NAME` server references (default: this process's environment). */
  resolveEnv?: ResolveEnv;
  /** Use another tenant migration folder (tests). */
  tenantMigrationsFolder?: string;
  /** Test hook: throw from it to inject a failure at a provisioning step. */
  faultInjector?: FaultInjector;
  /** `application_name` prefix shown in pg_stat_activity (default "repo"). */
  applicationName?: string;
};

export type Tenancy = ReturnType<typeof createTenancy>;

export function createTenancy(options: TenancyOptions) {
  const appName = options.applicationName ?? "repo";
  const controlPlane = createControlPlaneDb(options.controlPlaneUrl, { max: 5, applicationName: `${appName}-control-plane` });
  const lockSql = postgres(options.controlPlaneUrl, {
    max: 4,
    idle_timeout: 10,
    onnotice: () => {},
    connection: { application_name: `${appName}-locks` },
  });
  const registry = new TenantRegistry(controlPlane.db, options.cacheTtlMs ?? 5_000);
  const resolveEnv: ResolveEnv = options.resolveEnv ?? (() => undefined);
  const servers = new ServerConnections(controlPlane.db, resolveEnv, appName);
  const router = new PoolRouter({
    poolMax: options.poolMax ?? 3,
    idleTimeoutSeconds: options.poolIdleTimeoutSeconds ?? 30,
    budget: options.connectionBudget ?? 60,
    acquireTimeoutMs: options.acquireTimeoutMs ?? 30_000,
    applicationName: `${appName}-tenant`,
    configureClient: (sql) => void createTenantDrizzle(sql), // installs drizzle's type parsers
  });
  const ctx: TenancyContext = {
    controlPlane,
    lockSql,
    registry,
    router,
    servers,
    builtinRoles: options.builtinRoles ?? [],
    tenantMigrationsFolder: options.tenantMigrationsFolder,
    faultInjector: options.faultInjector,
  };

  async function resolveTenantUrl(tenantId: string): Promise<string> {
    const tenant = await registry.getById(tenantId);
    if (!tenant) throw new TenantNotFoundError(tenantId);
    if (tenant.status !== "active" && tenant.status !== "suspended") throw new TenantUnavailableError(tenant.slug, tenant.status);
    return servers.getDatabaseUrl(tenant.serverName, tenant.databaseName);
  }

  // TenantDb objects are cheap (no connection of their own); cache them per tenant id.
  const tenantDbs = new LRUCache<string, TenantDb>({ max: 10_000 });

  /**
   * The only door to a tenant database. `tenantId` must come from the verified session
   * (token tenant matched against the host), never from client input. Lookup and routing
   * happen on each query, so an unknown or deleted tenant fails there with `tenant_not_found`.
   */
  function getTenantDb(tenantId: string): TenantDb {
    let db = tenantDbs.get(tenantId);
    if (!db) {
      db = createTenantDrizzle(
        createRoutedClient(async (fn) => {
          const lease = await router.lease(tenantId, await resolveTenantUrl(tenantId));
          try {
            return await fn(lease.sql);
          } finally {
            lease.release();
          }
        }),
      );
      tenantDbs.set(tenantId, db);
    }
    return db;
  }

  return {
    /** Tenant by slug (any status) through the TTL cache, or null. */
    resolveTenant: (slug: string): Promise<Tenant | null> => registry.resolve(slug),
    getTenantById: (id: string): Promise<Tenant | null> => registry.getById(id),
    listTenants: (opts?: ListTenantsOptions): Promise<Tenant[]> => registry.list(opts),
    getTenantDb,
    getControlPlaneDb: (): ControlPlaneDb => controlPlane.db,
    provisionTenant: (input: ProvisionTenantInput, options?: ProvisionTenantOptions): Promise<Tenant> => provisionTenant(ctx, input, options),
    suspendTenant: (slugOrId: string, opts?: TenantChangeOptions): Promise<Tenant> => suspendTenant(ctx, slugOrId, opts),
    resumeTenant: (slugOrId: string, opts?: TenantChangeOptions): Promise<Tenant> => resumeTenant(ctx, slugOrId, opts),
    deleteTenant: (slugOrId: string, opts?: TenantChangeOptions): Promise<void> => deleteTenant(ctx, slugOrId, opts),
    migrateControlPlane: (): Promise<MigrateResult> => migrateControlPlane(controlPlane.sql),
    migrateAllTenants: (opts?: MigrateAllOptions): Promise<MigrateAllResult> => migrateAllTenants(ctx, opts),
    registerServer: async (input: RegisterServerInput) => {
      const row = await registerServer(controlPlane.db, input);
      servers.invalidate(row.name);
      return row;
    },
    listServers: (): Promise<DbServer[]> => listServers(controlPlane.db),
    /** Registers `name` → `connectionRef` only when no server is registered yet. */
    ensureDefaultServer: async (input: RegisterServerInput): Promise<boolean> => {
      if ((await listServers(controlPlane.db)).length > 0) return false;
      await registerServer(controlPlane.db, input);
      return true;
    },
    /** Forget cached lookups (e.g. after another process changed a tenant). */
    invalidateTenant: (tenant: { id?: string; slug?: string }) => registry.invalidate(tenant),
    getRouterMetrics: (): RouterMetrics => router.getMetrics(),
    /** Drains every pool (in-flight queries finish) and closes all connections. */
    close: async (): Promise<void> => {
      await router.closeAll();
      await servers.closeAll();
      await lockSql.end({ timeout: 5 });
      await controlPlane.close();
    },
  };
}
