import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestTenancy, requireEnv, type TestTenancy } from "./support/test-tenancy";

let t: TestTenancy;
const portOf = (url: string) => new URL(url).port || "5432";

beforeAll(async () => {
  t = await createTestTenancy();
  // The second real server is referenced by env var name, never stored as a URL.
  await t.tenancy.registerServer({ name: "secondary", connectionRef: "env:DATABASE_URL_2" });
});
afterAll(async () => t?.cleanup());

it("places new tenants on the least-loaded server, honours a named server, and routes to it", async () => {
  const url1 = requireEnv("DATABASE_URL");
  const url2 = requireEnv("DATABASE_URL_2");
  expect(portOf(url1) !== portOf(url2) || new URL(url1).hostname !== new URL(url2).hostname).toBe(true);

  const first = await t.tenancy.provisionTenant({ slug: "place-one", name: "One" }); // tie → by name
  const second = await t.tenancy.provisionTenant({ slug: "place-two", name: "Two" }); // least loaded
  const third = await t.tenancy.provisionTenant({ slug: "place-three", name: "Three", server: "secondary" }); // named
  const fourth = await t.tenancy.provisionTenant({ slug: "place-four", name: "Four" }); // 1 vs 2 → primary
  expect([first.serverName, second.serverName, third.serverName, fourth.serverName]).toEqual([
    "primary",
    "secondary",
    "secondary",
    "primary",
  ]);
  expect(Object.fromEntries((await t.tenancy.listServers()).map((s) => [s.name, s.tenantCount]))).toEqual({
    primary: 2,
    secondary: 2,
  });

  // Routing: each tenant's queries land on its own server and database.
  const expectedPort = { primary: portOf(url1), secondary: portOf(url2) } as const;
  for (const tenant of [first, second, third, fourth]) {
    const [row] = await t.tenancy
      .getTenantDb(tenant.id)
      .execute<{ port: string; db: string }>(sql`select current_setting('port') as port, current_database() as db`);
    expect(row).toEqual({ port: expectedPort[tenant.serverName as "primary" | "secondary"], db: tenant.databaseName });
  }

  // And the databases physically exist only where placed.
  const server2 = postgres(url2, { max: 1, onnotice: () => {} });
  try {
    const names = (await server2`select datname from pg_database where datname like 'tenant_place_%'`).map(
      (r) => r.datname,
    );
    expect(names.sort()).toEqual([second.databaseName, third.databaseName].sort());
  } finally {
    await server2.end();
  }
});

it("rejects a malformed connection reference", async () => {
  await expect(t.tenancy.registerServer({ name: "bad", connectionRef: "mysql://nope" })).rejects.toMatchObject({
    code: "invalid_connection_ref",
  });
});
