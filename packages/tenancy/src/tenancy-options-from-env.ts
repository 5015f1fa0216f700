// The options of a tenancy instance as the environment configures them (DATABASE_URL,
// TENANT_*, DATABASE_*). Node only. The package holds no instance: each app's composition root
// calls `createTenancy({ ...tenancyOptionsFromEnv(), ...appOptions })` once.
import type { TenancyOptions } from "./create-tenancy";
import { loadTenancyEnv, readConnectionEnv } from "./env";

export function tenancyOptionsFromEnv(): TenancyOptions {
  const env = loadTenancyEnv();
  return {
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
  };
}
