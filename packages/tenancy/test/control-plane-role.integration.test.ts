// Least privilege on the control plane: the apps reach it as the runtime role (DML only), and the
// owner/superuser URL is used only by migrations and provisioning. An SQL injection in any app
// therefore cannot disable the audit log's triggers, rewrite audit rows, or create anything.
import { auditLog, tenants } from "@repo/db/control-plane";
import { migrateJobQueue } from "@repo/db/job-queue";
import {
  controlPlaneRuntimeRoleName,
  controlPlaneRuntimeUrl,
  createTenancy,
  DEV_TENANT_DB_ROLE_SECRET,
  migrateControlPlaneDatabase,
  type Tenant,
} from "@repo/tenancy";
import { projects } from "@repo/db/tenant";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenancy, failureOf, type TestTenancy } from "./support/test-tenancy";

let t: TestTenancy;
let acme: Tenant;
let controlPlaneName: string;
const opened: postgres.Sql[] = [];

beforeAll(async () => {
  t = await createTestTenancy();
  controlPlaneName = new URL(t.controlPlaneUrl).pathname.slice(1);
  // What `pnpm db:migrate` does: the job queue's schema, then migrations + grants.
  await migrateJobQueue(t.controlPlaneUrl);
  await migrateControlPlaneDatabase(t.controlPlaneUrl);
  acme = await t.tenancy.provisionTenant({ slug: "acme", name: "Acme Inc" });
  await t.tenancy.getControlPlaneDb().insert(auditLog).values({ actor: "ops@example.test", action: "tenant.create" });
}, 120_000);
afterAll(async () => {
  await Promise.all(opened.map((s) => s.end({ timeout: 1 })));
  await t?.cleanup();
});

function track(client: postgres.Sql): postgres.Sql {
  opened.push(client);
  return client;
}

/** A connection as the runtime role, with the credentials the apps derive. */
function connectAsRuntime(database?: string, secret = DEV_TENANT_DB_ROLE_SECRET): postgres.Sql {
  const url = new URL(controlPlaneRuntimeUrl(t.controlPlaneUrl, secret));
  if (database) url.pathname = `/${database}`;
  return track(postgres(url.toString(), { max: 1, connect_timeout: 5, onnotice: () => {} }));
}

function connectAsOwner(): postgres.Sql {
  return track(postgres(t.controlPlaneUrl, { max: 1, onnotice: () => {} }));
}

describe("the control-plane runtime role", () => {
  it("is what the tenancy connects as: a LOGIN role that is no superuser and can create nothing", async () => {
    const [row] = await t.tenancy.getControlPlaneDb().execute<{ user: string }>(sql`select current_user as user`);
    expect(row).toEqual({ user: controlPlaneRuntimeRoleName(controlPlaneName) });
    const [role] = await connectAsOwner()`
      select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolcanlogin, rolinherit
      from pg_roles where rolname = ${controlPlaneRuntimeRoleName(controlPlaneName)}`;
    expect(role).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
      rolcanlogin: true,
      rolinherit: false,
    });
    const owned = await connectAsOwner()`
      select c.relname from pg_class c join pg_roles r on r.oid = c.relowner
      where r.rolname = ${controlPlaneRuntimeRoleName(controlPlaneName)}`;
    expect(owned).toEqual([]);
  });

  it("keeps the app working: DML on control-plane tables, INSERT + SELECT on the audit log", async () => {
    const db = t.tenancy.getControlPlaneDb();
    await db.update(tenants).set({ name: "Acme Incorporated" }).where(eq(tenants.id, acme.id));
    expect((await t.tenancy.getTenantById(acme.id))?.name).toBe("Acme Incorporated");
    await db.insert(auditLog).values({ actor: "system", action: "tenant.rename", tenantId: acme.id });
    expect((await db.select().from(auditLog)).map((r) => r.action)).toEqual(["tenant.create", "tenant.rename"]);
    expect(await t.tenancy.getTenantDb(acme.id).select().from(projects)).toEqual([]);
  });

  it.each([
    ["disable the audit log's triggers", "alter table audit_log disable trigger all", /must be owner/],
    ["disable one audit trigger", "alter table audit_log disable trigger audit_log_no_update_delete", /must be owner/],
    ["drop an audit trigger", "drop trigger audit_log_no_update_delete on audit_log", /must be owner/],
    [
      "replace the trigger function",
      "create or replace function audit_log_reject_change() returns trigger language plpgsql as $$ begin return new; end $$",
      /must be owner|permission denied/,
    ],
    ["update audit rows", "update audit_log set actor = 'someone-else'", /permission denied for table audit_log/],
    ["delete audit rows", "delete from audit_log", /permission denied for table audit_log/],
    ["truncate the audit log", "truncate audit_log", /permission denied for table audit_log/],
    ["truncate another table", "truncate tenants cascade", /permission denied for table tenants/],
    ["drop a table", "drop table tenants cascade", /must be owner/],
    ["alter a table", "alter table tenants add column evil int", /must be owner/],
    ["create a table", "create table evil (x int)", /permission denied for schema public/],
    ["create a temporary table", "create temp table evil (x int)", /permission denied/],
    ["create a schema", "create schema evil", /permission denied/],
    ["create a database", "create database evil", /permission denied/],
    ["create a role", "create role evil login", /permission denied/],
    ["grant itself more", `alter role current_user createdb`, /permission denied/],
    ["become the superuser", "set role postgres", /permission denied/],
    ["read the migrations' bookkeeping", "select * from drizzle.__drizzle_migrations", /permission denied/],
    ["drop the job queue's tables", "drop table graphile_worker._private_jobs", /must be owner/],
  ])("cannot %s", async (_name, statement, message) => {
    const failure = await failureOf(connectAsRuntime().unsafe(statement));
    expect(failure).toEqual({ code: "42501", message: expect.stringMatching(message) });
  });

  it("the audit rows are untouched after those attempts", async () => {
    const rows = await connectAsOwner()`select actor, action from audit_log order by id`;
    expect(rows.map((r) => `${r.actor} ${r.action}`)).toEqual([
      "ops@example.test tenant.create",
      "system tenant.rename",
    ]);
  });

  it("can use the job queue (graphile-worker's add_job) that the worker and the apps need", async () => {
    const runtime = connectAsRuntime();
    await runtime`select graphile_worker.add_job('relay-outbox', '{"controlPlane":true}'::json, job_key => 'relay:test')`;
    const [row] = await runtime`select count(*)::int as n from graphile_worker.jobs where key = 'relay:test'`;
    expect(row).toEqual({ n: 1 });
  });

  it("cannot open a tenant database", async () => {
    expect(await failureOf(connectAsRuntime(acme.databaseName)`select 1`)).toMatchObject({ code: "42501" });
  });

  it("a password derived from another secret is refused", async () => {
    const client = connectAsRuntime(undefined, "another-secret-of-at-least-32-characters");
    expect(await failureOf(client`select 1`)).toMatchObject({ code: "28P01" });
  });

  it("a process without the owner's password still serves (web, worker); only migrating needs it", async () => {
    const withoutPassword = new URL(t.controlPlaneUrl);
    withoutPassword.password = "";
    const tenancy = createTenancy({ controlPlaneUrl: withoutPassword.toString(), resolveEnv: (n) => process.env[n] });
    try {
      expect((await tenancy.resolveTenant("acme"))?.id).toBe(acme.id);
      expect(await tenancy.getTenantDb(acme.id).select().from(projects)).toEqual([]);
      expect(await failureOf(tenancy.migrateControlPlane())).toMatchObject({ code: "28P01" });
    } finally {
      await tenancy.close();
    }
  });

  it("`pnpm db:migrate` grants tables a later migration adds, and is safe to run twice at once", async () => {
    await connectAsOwner().unsafe("create table later_feature (id int primary key)");
    expect(await failureOf(connectAsRuntime().unsafe("select * from later_feature"))).toMatchObject({
      code: "42501",
    });
    await Promise.all([migrateControlPlaneDatabase(t.controlPlaneUrl), migrateControlPlaneDatabase(t.controlPlaneUrl)]);
    await connectAsRuntime().unsafe("insert into later_feature values (1)");
    expect(await connectAsRuntime().unsafe("select id from later_feature")).toEqual([{ id: 1 }]);
  });
});
