// @repo/tenancy — Node only. Host parsing for the proxy lives in `@repo/tenancy/host`.
export { createTenancy, DEV_TENANT_DB_ROLE_SECRET, type Tenancy, type TenancyOptions } from "./create-tenancy";
export { deriveTenantRolePassword, tenantRoleName } from "./servers/tenant-role";
export {
  controlPlaneRuntimeRoleName,
  controlPlaneRuntimeUrl,
  deriveControlPlaneRolePassword,
} from "./control-plane/runtime-role";
export {
  migrateControlPlaneDatabase,
  type MigrateControlPlaneOptions,
} from "./control-plane/migrate-control-plane";
export {
  configureTenancy,
  getTenancy,
  resolveTenant,
  getTenantById,
  listTenants,
  getTenantDb,
  getControlPlaneDb,
  provisionTenant,
  suspendTenant,
  resumeTenant,
  deleteTenant,
  migrateAllTenants,
  getRouterMetrics,
  isTenantDatabaseAvailable,
  closeTenancy,
} from "./default-tenancy";
export {
  TenancyError,
  TenantNotFoundError,
  TenantUnavailableError,
  ConnectionBudgetTimeoutError,
  asTenancyError,
} from "./errors";
export { isDatabaseUnavailable } from "./is-database-unavailable";
export { assertTenancyEnv } from "./env";
export type { Tenant, TenantStatus, BuiltinRoleInput } from "./types";
export type {
  ProvisionTenantInput,
  ProvisionTenantOptions,
  ProvisionProgressStep,
} from "./provisioning/provision-tenant";
export type { ProvisionStep } from "./tenancy-context";
export type { MigrateProgress } from "./migrate/migrate-all-tenants";
export type { ControlPlaneTx } from "@repo/db/control-plane";
export type { TenantChangeOptions } from "./tenancy-context";
export { parseTenantSlug, validateSlug, RESERVED_SLUGS } from "./host/index";
