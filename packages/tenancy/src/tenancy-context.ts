// Internal wiring shared by the operations of one tenancy instance (not exported).
import { type ControlPlaneHandle, type ControlPlaneTx } from "@repo/db/control-plane";
import { type Sql } from "postgres";
import { type TenantRegistry } from "./registry/tenant-registry";
import { type PoolRouter } from "./router/pool-router";
import { type ServerConnections } from "./servers/server-connections";
import { type BuiltinRoleInput, type Tenant } from "./types";

/**
 * Runs inside the control-plane transaction that commits a tenant change (status, activation,
 * removal), e.g. to append the audit entry atomically with it. Throwing rolls the change back.
 */
export type InTransaction = (tx: ControlPlaneTx, tenant: Tenant) => Promise<void>;
export type TenantChangeOptions = { inTransaction?: InTransaction };

/** Points in provisioning where a test may inject a failure (throw from the hook). */
export type ProvisionStep = "row-inserted" | "database-created" | "migrated" | "roles-seeded";
export type FaultInjector = (
  step: ProvisionStep,
  context: { slug: string; databaseName: string },
) => void | Promise<void>;

export type TenancyContext = {
  controlPlane: ControlPlaneHandle;
  /** Connections dedicated to holding session advisory locks (never needed for other work). */
  lockSql: Sql;
  registry: TenantRegistry;
  router: PoolRouter;
  servers: ServerConnections;
  builtinRoles: readonly BuiltinRoleInput[];
  tenantMigrationsFolder: string | undefined;
  faultInjector: FaultInjector | undefined;
};

const SLUG_LOCK_NAMESPACE = 0x7e4a;

/** Serialises provisioning/deletion of one slug across every process sharing the control plane. */
export async function withSlugLock<T>(ctx: TenancyContext, slug: string, fn: () => Promise<T>): Promise<T> {
  const conn = await ctx.lockSql.reserve();
  try {
    await conn`select pg_advisory_lock(${SLUG_LOCK_NAMESPACE}, hashtext(${slug}))`;
    try {
      return await fn();
    } finally {
      await conn`select pg_advisory_unlock(${SLUG_LOCK_NAMESPACE}, hashtext(${slug}))`;
    }
  } finally {
    conn.release();
  }
}
