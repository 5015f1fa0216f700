// createTenancy: one self-contained tenancy instance (control-plane pool, registry cache,
// connection router, provisioning). Apps use the default instance from `./default-tenancy`;
// tests and tools create their own. Node only.
import {
  createControlPlaneDb,
  createControlPlaneDrizzle,
  type ControlPlaneDb,
  type ControlPlaneHandle,
} from "@repo/db/control-plane";
import { type MigrateResult } from "@repo/db/migrations";
import { createTenantDrizzle, type TenantDb } from "@repo/db/tenant";
import { LRUCache } from "lru-cache";
import postgres from "postgres";
import { TenantNotFoundError, TenantUnavailableError } from "./errors";
import { migrateAllTenants, type MigrateAllOptions, type MigrateAllResult } from "./migrate/migrate-all-tenants";
import {
  provisionTenant,
  type ProvisionTenantInput,
  type ProvisionTenantOptions,
} from "./provisioning/provision-tenant";
import { deleteTenant, resumeTenant, suspendTenant } from "./provisioning/tenant-lifecycle";
import { TenantRegistry, type ListTenantsOptions } from "./registry/tenant-registry";
import { PoolRouter, type RouterMetrics } from "./router/pool-router";
import { createRoutedClient } from "./router/routed-client";
import { withTimeLimit } from "./router/with-time-limit";
import { isDatabaseUnavailable } from "./is-database-unavailable";
import { sql } from "drizzle-orm";
import { controlPlaneRuntimeUrl } from "./control-plane/runtime-role";
import { migrateControlPlaneDatabase } from "./control-plane/migrate-control-plane";
import { type ResolveEnv } from "./servers/connection-ref";
import { ServerConnections } from "./servers/server-connections";
import { DEV_TENANT_DB_ROLE_SECRET } from "./servers/tenant-role";
import { listServers, registerServer, type DbServer, type RegisterServerInput } from "./servers/server-registry";
import { type FaultInjector, type TenancyContext, type TenantChangeOptions } from "./tenancy-context";
import { type BuiltinRoleInput, type Tenant } from "./types";

export type TenancyOptions = {
  /**
   * The control-plane database's privileged URL (its owner; superuser or CREATEDB + CREATEROLE).
   * Only `migrateControlPlane()` connects with it. Every other control-plane query runs as the
   * runtime role (DML only), whose URL is this one with the role's name and derived password.
   */
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
  /**
   * Secret the tenant roles' and the control-plane runtime role's passwords are derived from
   * (TENANT_DB_ROLE_SECRET, ≥ 32 chars).
   * Required in production; a fixed development value otherwise.
   */
  roleSecret?: string;
  /** Seconds to establish any connection (control plane, tenant pools) before failing (default 3). */
  connectTimeoutSeconds?: number;
  /**
   * Bound on each query of the control plane and of tenant pools, ms (default 5 000): sent as
   * `statement_timeout`, and enforced client-side too (a stalled server enforces nothing).
   */
  queryTimeoutMs?: number;
  /** Bound on a tenant-registry lookup on the request path, ms (default 1 000). */
  lookupTimeoutMs?: number;
  /** How long a cached tenant record may be served when refreshing it fails, ms (default 300 000). */
  staleIfErrorMs?: number;
};

export { DEV_TENANT_DB_ROLE_SECRET };

export type Tenancy = ReturnType<typeof createTenancy>;

export function createTenancy(options: TenancyOptions) {
  const appName = options.applicationName ?? "repo";
  const connectTimeoutSeconds = options.connectTimeoutSeconds ?? 3;
  const queryTimeoutMs = options.queryTimeoutMs ?? 5_000;
  const roleSecret = options.roleSecret ?? DEV_TENANT_DB_ROLE_SECRET;
  // The runtime never connects to the control plane with the privileged URL (see runtime-role.ts).
  const runtimeUrl = controlPlaneRuntimeUrl(options.controlPlaneUrl, roleSecret);
  const pool = createControlPlaneDb(runtimeUrl, {
    max: 5,
    applicationName: `${appName}-control-plane`,
    connectTimeoutSeconds,
    statementTimeoutMs: queryTimeoutMs,
  });
  // Every control-plane query (app code included) goes through a time-limited client, so a
  // stalled control plane answers "unavailable" within the budget instead of hanging requests.
  const controlPlane: ControlPlaneHandle = {
    ...pool,
    db: createControlPlaneDrizzle(
      createRoutedClient((fn) => withTimeLimit(fn(pool.sql), queryTimeoutMs + 250, "control-plane")),
    ),
  };
  const lockSql = postgres(runtimeUrl, {
    max: 4,
    idle_timeout: 10,
    onnotice: () => {},
    connect_timeout: connectTimeoutSeconds,
    connection: { application_name: `${appName}-locks` },
  });
  const registry = new TenantRegistry(controlPlane.db, {
    ttlMs: options.cacheTtlMs ?? 5_000,
    lookupTimeoutMs: options.lookupTimeoutMs ?? 1_000,
    staleIfErrorMs: options.staleIfErrorMs ?? 300_000,
  });
  const resolveEnv: ResolveEnv = options.resolveEnv ?? (() => undefined);
  const servers = new ServerConnections(controlPlane.db, resolveEnv, appName, roleSecret);
  const router = new PoolRouter({
    poolMax: options.poolMax ?? 3,
    idleTimeoutSeconds: options.poolIdleTimeoutSeconds ?? 30,
    budget: options.connectionBudget ?? 60,
    acquireTimeoutMs: options.acquireTimeoutMs ?? 30_000,
    applicationName: `${appName}-tenant`,
    connectTimeoutSeconds,
    statementTimeoutMs: queryTimeoutMs,
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
    if (tenant.status !== "active" && tenant.status !== "suspended")
      throw new TenantUnavailableError(tenant.slug, tenant.status);
    return servers.getTenantRuntimeUrl(tenant.serverName, tenant.databaseName);
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
            return await withTimeLimit(fn(lease.sql), queryTimeoutMs + 250, "tenant");
          } finally {
            lease.release();
          }
        }),
      );
      tenantDbs.set(tenantId, db);
    }
    return db;
  }

  // Page requests cannot turn a failure into a 503 once Next has streamed the page shell, so the
  // proxy asks first. Results are cached briefly: at most one probe per tenant per second or two.
  const health = new LRUCache<string, { ok: boolean; at: number }>({ max: 10_000 });
  async function isTenantDatabaseAvailable(tenantId: string): Promise<boolean> {
    const known = health.get(tenantId);
    if (known && Date.now() - known.at < (known.ok ? 2_000 : 1_000)) return known.ok;
    let ok = true;
    try {
      await withTimeLimit(getTenantDb(tenantId).execute(sql`select 1`), options.lookupTimeoutMs ?? 1_000, "tenant");
    } catch (error) {
      // Only "try later" failures count; anything else (unknown tenant, …) is the caller's to report.
      ok = !isDatabaseUnavailable(error);
    }
    health.set(tenantId, { ok, at: Date.now() });
    return ok;
  }

  return {
    /**
     * False when the tenant's database refuses or stalls right now (connections refused,
     * `ALLOW_CONNECTIONS false`, timeouts): answer 503 before rendering. Cached ≤ 2 s.
     */
    isTenantDatabaseAvailable,
    /** Tenant by slug (any status) through the TTL cache, or null. */
    resolveTenant: (slug: string): Promise<Tenant | null> => registry.resolve(slug),
    getTenantById: (id: string): Promise<Tenant | null> => registry.getById(id),
    listTenants: (opts?: ListTenantsOptions): Promise<Tenant[]> => registry.list(opts),
    getTenantDb,
    getControlPlaneDb: (): ControlPlaneDb => controlPlane.db,
    provisionTenant: (input: ProvisionTenantInput, options?: ProvisionTenantOptions): Promise<Tenant> =>
      provisionTenant(ctx, input, options),
    suspendTenant: (slugOrId: string, opts?: TenantChangeOptions): Promise<Tenant> =>
      suspendTenant(ctx, slugOrId, opts),
    resumeTenant: (slugOrId: string, opts?: TenantChangeOptions): Promise<Tenant> => resumeTenant(ctx, slugOrId, opts),
    deleteTenant: (slugOrId: string, opts?: TenantChangeOptions): Promise<void> => deleteTenant(ctx, slugOrId, opts),
    /** Migrations and the runtime role's grants, over the privileged URL (short-lived connection). */
    migrateControlPlane: (): Promise<MigrateResult> =>
      migrateControlPlaneDatabase(options.controlPlaneUrl, {
        roleSecret,
        connectTimeoutSeconds,
        applicationName: `${appName}-migrate`,
      }),
    /**
     * The control plane as the runtime role (for clients that need a URL, e.g. the job-queue
     * worker). Carries a derived password: never log it.
     */
    getControlPlaneRuntimeUrl: (): string => runtimeUrl,
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
