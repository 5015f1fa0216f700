// The control plane's runtime role: web, admin and the worker reach the control-plane database as
// this role, never as the owner/superuser in DATABASE_URL. Node only.
// - LOGIN only: no SUPERUSER, CREATEDB, CREATEROLE, REPLICATION, BYPASSRLS; owns nothing, so it
//   cannot ALTER/DROP a table or its triggers (the audit log's append-only triggers included).
// - SELECT/INSERT/UPDATE/DELETE on the tables of `public` (and of graphile-worker's job queue
//   schema, when installed), no TRUNCATE; on append-only tables (the audit log) INSERT + SELECT
//   only. Nothing on the migrations' `drizzle` schema; no CREATE anywhere, no TEMP. The queue's
//   tables have row-level security (graphile-worker's): a policy lets this role see all rows.
// - Named after the database (`<database>_runtime`), password derived like the tenant roles':
//   HMAC-SHA256(TENANT_DB_ROLE_SECRET, name). Nothing is stored anywhere.
// `ensureControlPlaneRuntimeRole` runs after every control-plane migration (`pnpm db:migrate`),
// so tables a migration adds are granted in the same step.
import { createHash } from "node:crypto";
import { APPEND_ONLY_TABLES } from "@repo/db/control-plane";
import { type Sql } from "postgres";
import { deriveRolePassword } from "../servers/tenant-role";

/** The job queue's schema (graphile-worker); granted like `public` once it exists. */
export const JOB_QUEUE_SCHEMA = "graphile_worker";

const ROLE_SUFFIX = "_runtime";
const QUEUE_POLICY = "runtime_role_all_rows";
const MAX_IDENTIFIER_BYTES = 63;

/** `<database>_runtime`, or a hashed name when that would exceed Postgres's 63-byte identifiers. */
export function controlPlaneRuntimeRoleName(databaseName: string): string {
  const name = `${databaseName}${ROLE_SUFFIX}`;
  if (new TextEncoder().encode(name).length <= MAX_IDENTIFIER_BYTES) return name;
  return `cp_${createHash("sha256").update(databaseName).digest("hex").slice(0, 24)}${ROLE_SUFFIX}`;
}

/** The runtime role's password: derived from the secret, never stored. */
export function deriveControlPlaneRolePassword(secret: string, roleName: string): string {
  return deriveRolePassword(secret, "control-plane-role", roleName);
}

/** The database a postgres URL names (Postgres defaults it to the user name). */
function databaseOf(url: URL): string {
  return decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username);
}

/**
 * The URL the runtime uses: `adminUrl`'s host, port, database and options, with the runtime
 * role's name and derived password. Only host/port/database of `adminUrl` are used, so a process
 * that never migrates nor provisions may be given DATABASE_URL without its password.
 */
export function controlPlaneRuntimeUrl(adminUrl: string, secret: string): string {
  const url = new URL(adminUrl);
  const database = databaseOf(url);
  const role = controlPlaneRuntimeRoleName(database);
  url.pathname = `/${encodeURIComponent(database)}`;
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(deriveControlPlaneRolePassword(secret, role));
  return url.toString();
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

const ROLE_ATTRIBUTES = "login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit";
// Serialises concurrent runs (two deploys migrating at once) on one database.
const LOCK_NAMESPACE = 0x5e7a;
const LOCK_KEY = 3;

/**
 * Creates or repairs the runtime role and re-applies its privileges on every table that exists
 * now. Idempotent. `admin` is a connection to the control-plane database as its owner/superuser.
 */
export async function ensureControlPlaneRuntimeRole(admin: Sql, secret: string): Promise<void> {
  await admin.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LOCK_KEY})`;
    const [{ database }] = (await tx`select current_database() as database`) as unknown as [{ database: string }];
    const role = ident(controlPlaneRuntimeRoleName(database));
    const password = deriveControlPlaneRolePassword(secret, controlPlaneRuntimeRoleName(database));
    const [existing] = await tx`select 1 from pg_roles where rolname = ${controlPlaneRuntimeRoleName(database)}`;
    await tx.unsafe(
      `${existing ? "alter" : "create"} role ${role} with ${ROLE_ATTRIBUTES} password ${literal(password)}`,
    );
    // Tenant roles (and anyone else) must not even connect; the runtime role may, and no more.
    await tx.unsafe(`revoke all on database ${ident(database)} from public`);
    await tx.unsafe(`grant connect on database ${ident(database)} to ${role}`);
    const [queue] = await tx`select 1 from pg_namespace where nspname = ${JOB_QUEUE_SCHEMA}`;
    for (const schema of queue ? ["public", JOB_QUEUE_SCHEMA] : ["public"]) {
      // PUBLIC may CREATE in `public` on Postgres < 15: nobody but the owner may.
      await tx.unsafe(`revoke all on schema ${ident(schema)} from public`);
      await tx.unsafe(`revoke all on all tables in schema ${ident(schema)} from ${role}`);
      await tx.unsafe(`grant usage on schema ${ident(schema)} to ${role}`);
      await tx.unsafe(`grant select, insert, update, delete on all tables in schema ${ident(schema)} to ${role}`);
      await tx.unsafe(`grant usage, select on all sequences in schema ${ident(schema)} to ${role}`);
    }
    if (queue) {
      await tx.unsafe(`grant execute on all functions in schema ${ident(JOB_QUEUE_SCHEMA)} to ${role}`);
      // graphile-worker enables row-level security without policies on its tables (only their
      // owner may use them): let the runtime role see every row, and nothing else.
      const secured = await tx<{ table: string }[]>`
        select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${JOB_QUEUE_SCHEMA} and c.relkind = 'r' and c.relrowsecurity
          and not exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = ${QUEUE_POLICY})`;
      for (const { table } of secured) {
        await tx.unsafe(
          `create policy ${ident(QUEUE_POLICY)} on ${ident(JOB_QUEUE_SCHEMA)}.${ident(table)} for all to ${role} using (true) with check (true)`,
        );
      }
    }
    for (const table of APPEND_ONLY_TABLES) {
      await tx.unsafe(`revoke update, delete, truncate on table ${ident(table)} from ${role}`);
    }
  });
}
