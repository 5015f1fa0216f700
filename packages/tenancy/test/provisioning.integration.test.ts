import { tenants } from "@repo/db/control-plane";
import { projects, roles } from "@repo/db/tenant";
import { asTenancyError, type ProvisionProgressStep, type ProvisionStep, TenancyError } from "@repo/tenancy";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenancy, requireEnv, type TestTenancy } from "./support/test-tenancy";

let t: TestTenancy;
let failAt: ProvisionStep | null = null;
const seenDatabases: string[] = [];
let server: postgres.Sql;

async function databaseExists(name: string): Promise<boolean> {
  const rows = await server`select 1 from pg_database where datname = ${name}`;
  return rows.length > 0;
}

beforeAll(async () => {
  t = await createTestTenancy({
    faultInjector: (step, context) => {
      seenDatabases.push(context.databaseName);
      if (step === failAt) throw new Error(`injected failure at ${step}`);
    },
  });
  server = postgres(requireEnv("DATABASE_URL"), { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await server?.end();
  await t?.cleanup();
});

describe("provisionTenant", () => {
  it("creates, migrates, seeds built-in roles and activates (happy path)", async () => {
    const startedAt = performance.now();
    const tenant = await t.tenancy.provisionTenant({ slug: "happy", name: "Happy Inc" });
    const ms = performance.now() - startedAt;
    console.log(`[figures] time to provision one tenant: ${ms.toFixed(0)} ms`);

    expect(tenant).toMatchObject({ slug: "happy", name: "Happy Inc", status: "active", serverName: "primary" });
    expect(await databaseExists(tenant.databaseName)).toBe(true);
    expect(await t.tenancy.resolveTenant("happy")).toMatchObject({ id: tenant.id, status: "active" });

    const db = t.tenancy.getTenantDb(tenant.id);
    const roleRows = await db.select().from(roles);
    expect(roleRows.map((r) => [r.key, r.builtin]).sort()).toEqual([
      ["owner", true],
      ["viewer", true],
    ]);
    const [project] = await db.insert(projects).values({ name: "First" }).returning();
    expect(project!.createdAt).toBeInstanceOf(Date);
  });

  it("reports each completed step in order through onProgress, ending with active", async () => {
    const steps: ProvisionProgressStep[] = [];
    const tenant = await t.tenancy.provisionTenant(
      { slug: "progress", name: "Progress" },
      { onProgress: (step) => steps.push(step) },
    );
    expect(tenant.status).toBe("active");
    expect(steps).toEqual(["row-inserted", "database-created", "migrated", "roles-seeded", "active"]);
  });

  it("onProgress stops at the last completed step on failure, and a throwing callback changes nothing", async () => {
    failAt = "migrated";
    const steps: ProvisionProgressStep[] = [];
    const error = await t.tenancy
      .provisionTenant({ slug: "progress-fail", name: "X" }, { onProgress: (s) => steps.push(s) })
      .catch((e: unknown) => e);
    failAt = null;
    expect((error as TenancyError).code).toBe("provisioning_failed");
    expect(steps).toEqual(["row-inserted", "database-created"]);
    expect(await t.tenancy.resolveTenant("progress-fail")).toBeNull();

    const throwing = () => {
      throw new Error("stream closed");
    };
    await expect(
      t.tenancy.provisionTenant({ slug: "progress-fail", name: "X" }, { onProgress: throwing }),
    ).resolves.toMatchObject({ status: "active" });
  });

  it("a failure injected after CREATE DATABASE leaves no database and no row", async () => {
    failAt = "database-created";
    seenDatabases.length = 0;
    const error = await t.tenancy.provisionTenant({ slug: "broken", name: "Broken" }).catch((e: unknown) => e);
    failAt = null;

    expect(error).toBeInstanceOf(TenancyError);
    expect((error as TenancyError).code).toBe("provisioning_failed");
    const databaseName = seenDatabases.at(-1)!;
    expect(databaseName).toMatch(/^tenant_broken_/);
    expect(await databaseExists(databaseName)).toBe(false);
    const rows = await t.tenancy.getControlPlaneDb().select().from(tenants).where(eq(tenants.slug, "broken"));
    expect(rows).toEqual([]);

    // …and the slug is free again: a retry succeeds.
    await expect(t.tenancy.provisionTenant({ slug: "broken", name: "Broken" })).resolves.toMatchObject({
      status: "active",
    });
  });

  it("re-running after a crash mid-provisioning cleans up and finishes", async () => {
    // Simulate a process that died after CREATE DATABASE: a `provisioning` row plus its database.
    const crashedDb = `tenant_crashed_${Date.now()}`;
    await server.unsafe(`create database "${crashedDb}"`);
    await t.tenancy.getControlPlaneDb().insert(tenants).values({
      slug: "crashed",
      name: "Crashed",
      status: "provisioning",
      serverName: "primary",
      databaseName: crashedDb,
    });

    const tenant = await t.tenancy.provisionTenant({ slug: "crashed", name: "Crashed" });
    expect(tenant.status).toBe("active");
    expect(tenant.databaseName).not.toBe(crashedDb);
    expect(await databaseExists(crashedDb)).toBe(false);
  });

  it("two concurrent provisions of one slug: exactly one wins, the other gets slug_taken", async () => {
    const results = await Promise.allSettled([
      t.tenancy.provisionTenant({ slug: "race", name: "Race A" }),
      t.tenancy.provisionTenant({ slug: "race", name: "Race B" }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "slug_taken" });
    expect((rejected[0]!.reason as Error).message).toMatch(/already exists/);
    const rows = await t.tenancy.getControlPlaneDb().select().from(tenants).where(eq(tenants.slug, "race"));
    expect(rows).toHaveLength(1);
  });

  it.each([
    ["Bad_Slug", "slug_invalid"],
    ["ab", "slug_invalid"],
    ["admin", "slug_reserved"],
    ["www", "slug_reserved"],
  ])("rejects %j with %s before touching anything", async (slug, code) => {
    await expect(t.tenancy.provisionTenant({ slug, name: "X" })).rejects.toMatchObject({ code });
  });

  it("rejects an unknown named server with server_not_found", async () => {
    await expect(t.tenancy.provisionTenant({ slug: "nowhere", name: "X", server: "nope" })).rejects.toMatchObject({
      code: "server_not_found",
    });
  });
});

describe("suspend / resume / delete", () => {
  it("changes status (cache invalidated in this process) and deletes the database", async () => {
    const tenant = await t.tenancy.provisionTenant({ slug: "lifecycle", name: "Lifecycle" });
    expect((await t.tenancy.resolveTenant("lifecycle"))?.status).toBe("active");

    await t.tenancy.suspendTenant("lifecycle");
    expect((await t.tenancy.resolveTenant("lifecycle"))?.status).toBe("suspended");
    await t.tenancy.resumeTenant(tenant.id);
    expect((await t.tenancy.resolveTenant("lifecycle"))?.status).toBe("active");

    await t.tenancy.getTenantDb(tenant.id).select().from(projects); // opens a pool
    await t.tenancy.deleteTenant("lifecycle");
    expect(await t.tenancy.resolveTenant("lifecycle")).toBeNull();
    expect(await databaseExists(tenant.databaseName)).toBe(false);
    const routingError = await t.tenancy
      .getTenantDb(tenant.id)
      .select()
      .from(projects)
      .catch((e: unknown) => e);
    expect(asTenancyError(routingError)?.code).toBe("tenant_not_found");
    await expect(t.tenancy.deleteTenant("lifecycle")).rejects.toMatchObject({ code: "tenant_not_found" });
  });
});
