// Each tenant database has its own LOGIN role, and the router connects as that role: one SQL
// injection in one tenant's request can reach that tenant's database only. Node only.
// - The role is named like its database and may CONNECT to that database alone (CONNECT and
//   TEMP are revoked from PUBLIC on every tenant database); inside it, it may read and write the
//   app's tables in `public` — not the migrations' `drizzle` schema, no DDL, no ownership.
// - No SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS.
// - Its password is derived, never stored: HMAC-SHA256(TENANT_DB_ROLE_SECRET, role name). Every
//   process holding the secret can compute it; the control plane holds nothing.
// The superuser (the server URL) is used only here, by provisioning and by migrations, which
// re-run `ensureTenantRole` after every migration so new tables are granted too.
import { createHmac } from "node:crypto";
import { type Sql } from "postgres";

/** Development/test fallback for the role secret (production refuses to start without one). */
export const DEV_TENANT_DB_ROLE_SECRET = "dev-only-tenant-db-role-secret-not-for-production";

/** The role of a tenant database (same name: unique per server, ≤ 63 bytes). */
export function tenantRoleName(databaseName: string): string {
  return databaseName;
}

/** The role's password: derived from the secret, so nothing is stored anywhere. */
export function deriveTenantRolePassword(secret: string, roleName: string): string {
  return deriveRolePassword(secret, "tenant-db-role", roleName);
}

/** HMAC-SHA256(secret, `<purpose>:<role>`): one derivation for every database role we create. */
export function deriveRolePassword(secret: string, purpose: string, roleName: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${roleName}`).digest("base64url");
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
// base64url has no quote; escaping anyway keeps the literal safe whatever the input.
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

const ROLE_ATTRIBUTES = "login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit";

/**
 * Creates or repairs the tenant's role and its privileges. Idempotent; `server` is a superuser
 * connection to the server's maintenance database, `tenant` one to the tenant database.
 */
export async function ensureTenantRole(
  server: Sql,
  tenant: Sql,
  databaseName: string,
  password: string,
): Promise<void> {
  const role = tenantRoleName(databaseName);
  const [existing] = await server`select 1 from pg_roles where rolname = ${role}`;
  await server.unsafe(
    `${existing ? "alter" : "create"} role ${ident(role)} with ${ROLE_ATTRIBUTES} password ${literal(password)}`,
  );
  await server.unsafe(`revoke all on database ${ident(databaseName)} from public`);
  await server.unsafe(`grant connect on database ${ident(databaseName)} to ${ident(role)}`);

  await tenant.begin(async (tx) => {
    await tx.unsafe(`revoke all on schema public from public`);
    await tx.unsafe(`grant usage on schema public to ${ident(role)}`);
    await tx.unsafe(`grant select, insert, update, delete on all tables in schema public to ${ident(role)}`);
    await tx.unsafe(`grant usage, select, update on all sequences in schema public to ${ident(role)}`);
    // Tables a later migration creates (as this same superuser) are granted at once, too.
    await tx.unsafe(
      `alter default privileges in schema public grant select, insert, update, delete on tables to ${ident(role)}`,
    );
    await tx.unsafe(
      `alter default privileges in schema public grant usage, select, update on sequences to ${ident(role)}`,
    );
  });
}

/** Drops the role (after its database is gone). Idempotent. */
export async function dropTenantRole(server: Sql, databaseName: string): Promise<void> {
  await server.unsafe(`drop role if exists ${ident(tenantRoleName(databaseName))}`);
}
