// @repo/db/tenant — the schema of every tenant database. Node only.
// Apps never open a tenant database themselves: `getTenantDb(tenantId)` from @repo/tenancy
// is the only door; `createTenantDrizzle` exists for that router and for tools.
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { type Sql } from "postgres";
import * as schema from "./schema";

export * from "./schema";
export { schema as tenantSchema };

/** A drizzle instance over one tenant's database. */
export type TenantDb = PostgresJsDatabase<typeof schema>;

/** Wraps a postgres.js client (or a compatible router client) in drizzle with the tenant schema. */
export function createTenantDrizzle(sql: Sql): TenantDb {
  return drizzle(sql, { schema });
}
