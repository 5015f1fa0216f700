// Tenant isolation in the database itself: every tenant database has its own LOGIN role, the
// router connects as that role, and a role's credentials open its own database only.
import { DEV_TENANT_DB_ROLE_SECRET, deriveTenantRolePassword, tenantRoleName, type Tenant } from "@repo/tenancy";
import { projects } from "@repo/db/tenant";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenancy, databaseUrl, failureOf, requireEnv, type TestTenancy } from "./support/test-tenancy";

let t: TestTenancy;
let acme: Tenant;
let globex: Tenant;
const opened: postgres.Sql[] = [];

beforeAll(async () => {
  t = await createTestTenancy();
  await t.tenancy.migrateControlPlane(); // revokes CONNECT on the control plane from PUBLIC
  acme = await t.tenancy.provisionTenant({ slug: "acme", name: "Acme Inc" });
  globex = await t.tenancy.provisionTenant({ slug: "globex", name: "Globex Corp" });
}, 120_000);
afterAll(async () => {
  await Promise.all(opened.map((s) => s.end({ timeout: 1 })));
  await t?.cleanup();
});

/** A connection as `tenant`'s own role (credentials derived exactly as the router does). */
function connectAs(tenant: Tenant, database: string): postgres.Sql {
  const url = new URL(databaseUrl(requireEnv("DATABASE_URL"), database));
  const role = tenantRoleName(tenant.databaseName);
  url.username = role;
  url.password = deriveTenantRolePassword(DEV_TENANT_DB_ROLE_SECRET, role);
  const client = postgres(url.toString(), { max: 1, connect_timeout: 5, onnotice: () => {} });
  opened.push(client);
  return client;
}

/** The SQLSTATE a query failed with, or undefined when it worked. */
const codeOf = async (query: PromiseLike<unknown>) => (await failureOf(query))?.code;

describe("per-tenant database roles", () => {
  it("the router connects as the tenant's own role, which is no superuser and can create nothing", async () => {
    const [row] = await t.tenancy
      .getTenantDb(acme.id)
      .execute<{ user: string; db: string }>(sql`select current_user as user, current_database() as db`);
    expect(row).toEqual({ user: tenantRoleName(acme.databaseName), db: acme.databaseName });
    const admin = postgres(requireEnv("DATABASE_URL"), { max: 1, onnotice: () => {} });
    opened.push(admin);
    const [role] =
      await admin`select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolcanlogin from pg_roles where rolname = ${tenantRoleName(acme.databaseName)}`;
    expect(role).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
      rolcanlogin: true,
    });
  });

  it("reads and writes its own app tables", async () => {
    const db = t.tenancy.getTenantDb(acme.id);
    await db.insert(projects).values({ name: "Roadmap" });
    expect((await db.select().from(projects)).map((p) => p.name)).toEqual(["Roadmap"]);
  });

  it.each([
    ["another tenant's database", () => globex.databaseName, "42501"],
    ["the control-plane database", () => new URL(t.controlPlaneUrl).pathname.slice(1), "42501"],
  ])("acme's credentials cannot open %s", async (_name, database, code) => {
    expect(await codeOf(connectAs(acme, database())`select 1`)).toBe(code);
  });

  it("a wrong password is refused (the password is derived from the secret, not guessable from the name)", async () => {
    const url = new URL(databaseUrl(requireEnv("DATABASE_URL"), acme.databaseName));
    url.username = tenantRoleName(acme.databaseName);
    url.password = deriveTenantRolePassword("another-secret-of-at-least-32-characters", url.username);
    const client = postgres(url.toString(), { max: 1, connect_timeout: 5, onnotice: () => {} });
    opened.push(client);
    expect(await codeOf(client`select 1`)).toBe("28P01");
  });

  it.each([
    ["create a table", "create table evil (x int)", "42501"],
    ["alter a table (disable a trigger)", "alter table users disable trigger all", "42501"],
    ["drop a table", "drop table projects", "42501"],
    ["read the migrations' bookkeeping", "select * from drizzle.__drizzle_migrations", "42501"],
    ["create a role", "create role evil login", "42501"],
    ["create a database", "create database evil", "42501"],
    ["become another role", `set role postgres`, "42501"],
  ])("inside its own database it cannot %s", async (_name, statement, code) => {
    expect(await codeOf(connectAs(acme, acme.databaseName).unsafe(statement))).toBe(code);
  });

  it("a tenant created before roles existed gets its role on the next migrate (`pnpm db:migrate`)", async () => {
    const legacy = await t.tenancy.provisionTenant({ slug: "legacy", name: "Legacy" });
    const admin = postgres(requireEnv("DATABASE_URL"), { max: 1, onnotice: () => {} });
    opened.push(admin);
    // Undo what provisioning did: no role, CONNECT for PUBLIC again.
    await admin.unsafe(`drop database "${legacy.databaseName}" with (force)`).catch(() => {});
    await admin.unsafe(`create database "${legacy.databaseName}"`);
    await admin.unsafe(`drop role if exists "${tenantRoleName(legacy.databaseName)}"`);
    const fresh = await createTestTenancyOn(t.controlPlaneUrl);
    expect(await codeOf(fresh.getTenantDb(legacy.id).select().from(projects))).toBe("28P01");

    const result = await fresh.migrateAllTenants();
    expect(result.failed).toEqual([]);
    expect(await fresh.getTenantDb(legacy.id).select().from(projects)).toEqual([]);
    const [acl] = await admin`select datacl::text as acl from pg_database where datname = ${legacy.databaseName}`;
    expect(acl!.acl).not.toMatch(/(^|[{,])=[a-zA-Z]*c/); // no CONNECT for PUBLIC
    await fresh.close();
  }, 120_000);

  it("deleting a tenant drops its role", async () => {
    const doomed = await t.tenancy.provisionTenant({ slug: "doomed", name: "Doomed" });
    await t.tenancy.deleteTenant(doomed.id);
    const admin = postgres(requireEnv("DATABASE_URL"), { max: 1, onnotice: () => {} });
    opened.push(admin);
    expect(await admin`select 1 from pg_roles where rolname = ${tenantRoleName(doomed.databaseName)}`).toHaveLength(0);
  }, 60_000);
});

async function createTestTenancyOn(controlPlaneUrl: string) {
  const { createTenancy } = await import("@repo/tenancy");
  return createTenancy({ controlPlaneUrl, resolveEnv: (name) => process.env[name], cacheTtlMs: 0 });
}
