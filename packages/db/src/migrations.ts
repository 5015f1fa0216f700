// @repo/db/migrations — applies the committed drizzle-kit histories. Node only.
// Safe under concurrency: every run takes a transaction-scoped advisory lock in the target
// database first, so two processes migrating one database serialise instead of racing.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { type Sql } from "postgres";

export type MigrationKind = "control-plane" | "tenant";

export type MigrateOptions = {
  /** Override the migrations folder (tests add a migration to a copy of the history). */
  migrationsFolder?: string;
};

export type MigrateResult = { applied: number; total: number };

/**
 * Absolute path of a committed migration history. Resolved lazily from this file's location
 * (not `new URL(…, import.meta.url)`, which bundlers turn into an asset), so merely importing
 * this module inside a bundled app never touches the filesystem.
 */
export function getMigrationsFolder(kind: MigrationKind): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "migrations", kind);
}

// Same bookkeeping table as drizzle's own migrator, so drizzle-kit tooling sees the history.
const MIGRATIONS_SCHEMA = "drizzle";
const MIGRATIONS_TABLE = "__drizzle_migrations";
// Advisory lock keys are scoped to the current database, so one constant per kind suffices.
const LOCK_NAMESPACE = 0x5e7a;
const LOCK_KEY: Record<MigrationKind, number> = { "control-plane": 1, tenant: 2 };

async function migrate(sql: Sql, kind: MigrationKind, options: MigrateOptions): Promise<MigrateResult> {
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder ?? getMigrationsFolder(kind) });
  return sql.begin(async (tx) => {
    // Pools may set a short statement_timeout for app queries; a migration may run longer.
    await tx.unsafe("set local statement_timeout = 0");
    await tx`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOCK_KEY[kind]})`;
    await tx.unsafe(`create schema if not exists "${MIGRATIONS_SCHEMA}"`);
    await tx.unsafe(
      `create table if not exists "${MIGRATIONS_SCHEMA}"."${MIGRATIONS_TABLE}" (id serial primary key, hash text not null, created_at bigint)`,
    );
    const [last] = await tx.unsafe<{ created_at: string }[]>(
      `select created_at from "${MIGRATIONS_SCHEMA}"."${MIGRATIONS_TABLE}" order by created_at desc limit 1`,
    );
    let applied = 0;
    for (const migration of migrations) {
      if (last && Number(last.created_at) >= migration.folderMillis) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.unsafe(statement);
      }
      await tx.unsafe(`insert into "${MIGRATIONS_SCHEMA}"."${MIGRATIONS_TABLE}" (hash, created_at) values ($1, $2)`, [
        migration.hash,
        migration.folderMillis,
      ]);
      applied++;
    }
    return { applied, total: migrations.length };
  });
}

/** Brings the control-plane database to the latest committed schema. Idempotent. */
export function migrateControlPlane(sql: Sql, options: MigrateOptions = {}): Promise<MigrateResult> {
  return migrate(sql, "control-plane", options);
}

/** Brings one tenant database to the latest committed schema. Idempotent. */
export function migrateTenant(sql: Sql, options: MigrateOptions = {}): Promise<MigrateResult> {
  return migrate(sql, "tenant", options);
}
