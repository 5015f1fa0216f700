// The process-wide default instance, built lazily from env on first use. Apps call
// `configureTenancy({ builtinRoles })` once at startup (before first use) to pass app config.
import { createTenancy, type Tenancy, type TenancyOptions } from "./create-tenancy";
import { loadTenancyEnv, readConnectionEnv } from "./env";

let overrides: Partial<TenancyOptions> = {};
let instance: Tenancy | undefined;

/** Sets options for the default instance. Throws if it is already in use. */
export function configureTenancy(options: Partial<TenancyOptions>): void {
  if (instance) throw new Error("configureTenancy() must run before the default tenancy instance is first used.");
  overrides = { ...overrides, ...options };
}

export function getTenancy(): Tenancy {
  if (!instance) {
    const env = loadTenancyEnv();
    instance = createTenancy({
      controlPlaneUrl: env.DATABASE_URL,
      poolMax: env.TENANT_POOL_MAX,
      poolIdleTimeoutSeconds: env.TENANT_POOL_IDLE_TIMEOUT,
      connectionBudget: env.TENANT_CONNECTION_BUDGET,
      cacheTtlMs: env.TENANT_CACHE_TTL_MS,
      connectTimeoutSeconds: env.DATABASE_CONNECT_TIMEOUT,
      queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
      lookupTimeoutMs: env.TENANT_LOOKUP_TIMEOUT_MS,
      staleIfErrorMs: env.TENANT_STALE_IF_ERROR_MS,
      resolveEnv: readConnectionEnv,
      ...(env.TENANT_DB_ROLE_SECRET ? { roleSecret: env.TENANT_DB_ROLE_SECRET } : {}),
      ...overrides,
    });
  }
  return instance;
}

type T = Tenancy;
export const resolveTenant: T["resolveTenant"] = (slug) => getTenancy().resolveTenant(slug);
export const getTenantById: T["getTenantById"] = (id) => getTenancy().getTenantById(id);
export const listTenants: T["listTenants"] = (opts) => getTenancy().listTenants(opts);
export const getTenantDb: T["getTenantDb"] = (tenantId) => getTenancy().getTenantDb(tenantId);
export const getControlPlaneDb: T["getControlPlaneDb"] = () => getTenancy().getControlPlaneDb();
export const provisionTenant: T["provisionTenant"] = (input, options) => getTenancy().provisionTenant(input, options);
export const suspendTenant: T["suspendTenant"] = (slugOrId, opts) => getTenancy().suspendTenant(slugOrId, opts);
export const resumeTenant: T["resumeTenant"] = (slugOrId, opts) => getTenancy().resumeTenant(slugOrId, opts);
export const deleteTenant: T["deleteTenant"] = (slugOrId, opts) => getTenancy().deleteTenant(slugOrId, opts);
export const migrateAllTenants: T["migrateAllTenants"] = (opts) => getTenancy().migrateAllTenants(opts);
export const getRouterMetrics: T["getRouterMetrics"] = () => getTenancy().getRouterMetrics();
export const isTenantDatabaseAvailable: T["isTenantDatabaseAvailable"] = (tenantId) =>
  getTenancy().isTenantDatabaseAvailable(tenantId);

/** Closes the default instance (if it was ever built); the next use builds a fresh one. */
export async function closeTenancy(): Promise<void> {
  const current = instance;
  instance = undefined;
  await current?.close();
}
