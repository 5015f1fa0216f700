// @repo/db/control-plane — the platform's own database: tenants, servers, operators, audit.
// Node only (postgres.js). Callers pass the URL in; this package reads no env.
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { getTableName } from "drizzle-orm";
import postgres, { type Sql } from "postgres";
import * as schema from "./schema";

export * from "./schema";
export { schema as controlPlaneSchema };

/**
 * Tables kept append-only: triggers reject UPDATE/DELETE/TRUNCATE (migration 0001), and the
 * runtime role is granted INSERT + SELECT only on them.
 */
export const APPEND_ONLY_TABLES: readonly string[] = [getTableName(schema.auditLog)];

export type ControlPlaneDb = PostgresJsDatabase<typeof schema>;
/** A control-plane transaction (`db.transaction(async (tx) => …)`): writes that commit together. */
export type ControlPlaneTx = Parameters<Parameters<ControlPlaneDb["transaction"]>[0]>[0];

export type ControlPlaneDbOptions = {
  /** Pool size (default 5). */
  max?: number;
  /** Seconds before an idle connection closes (default 30). */
  idleTimeout?: number;
  /** Postgres `application_name`, visible in pg_stat_activity (default "repo-control-plane"). */
  applicationName?: string;
  /** Seconds to establish a connection before failing (default 10). */
  connectTimeoutSeconds?: number;
  /** Server-side `statement_timeout` in ms for every statement of the pool (default: none). */
  statementTimeoutMs?: number;
};

export type ControlPlaneHandle = { db: ControlPlaneDb; sql: Sql; close: () => Promise<void> };

/** Opens a small pool to the control-plane database. Call `close()` when done. */
export function createControlPlaneDb(url: string, opts: ControlPlaneDbOptions = {}): ControlPlaneHandle {
  const sql = postgres(url, {
    max: opts.max ?? 5,
    idle_timeout: opts.idleTimeout ?? 30,
    connect_timeout: opts.connectTimeoutSeconds ?? 10,
    onnotice: () => {},
    connection: {
      application_name: opts.applicationName ?? "repo-control-plane",
      ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    },
  });
  const db = createControlPlaneDrizzle(sql);
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

/** Wraps an existing postgres.js client in drizzle with the control-plane schema. */
export function createControlPlaneDrizzle(sql: Sql): ControlPlaneDb {
  return drizzle(sql, { schema });
}
