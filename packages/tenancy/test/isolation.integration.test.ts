import { projects, users } from "@repo/db/tenant";
import { asTenancyError } from "@repo/tenancy";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestTenancy, type TestTenancy } from "./support/test-tenancy";

let t: TestTenancy;
beforeAll(async () => {
  t = await createTestTenancy();
});
afterAll(async () => t?.cleanup());

it("rows written through getTenantDb(acme) are never visible through getTenantDb(globex)", async () => {
  const acme = await t.tenancy.provisionTenant({ slug: "acme", name: "Acme Inc" });
  const globex = await t.tenancy.provisionTenant({ slug: "globex", name: "Globex Corp" });
  const acmeDb = t.tenancy.getTenantDb(acme.id);
  const globexDb = t.tenancy.getTenantDb(globex.id);

  // Different databases, not merely different rows.
  const [acmeDbName] = await acmeDb.execute<{ db: string }>(sql`select current_database() as db`);
  const [globexDbName] = await globexDb.execute<{ db: string }>(sql`select current_database() as db`);
  expect(acmeDbName!.db).toBe(acme.databaseName);
  expect(globexDbName!.db).toBe(globex.databaseName);
  expect(acmeDbName!.db).not.toBe(globexDbName!.db);

  await acmeDb.insert(projects).values({ name: "Acme secret roadmap" });
  // The same email in two tenants is two unrelated accounts.
  await acmeDb.insert(users).values({ email: "owner@shared.test", name: "Acme owner" });
  await globexDb.insert(users).values({ email: "owner@shared.test", name: "Globex owner" });

  expect(await globexDb.select().from(projects)).toEqual([]);
  expect((await acmeDb.select().from(projects)).map((p) => p.name)).toEqual(["Acme secret roadmap"]);
  expect((await globexDb.select().from(users)).map((u) => u.name)).toEqual(["Globex owner"]);
  expect((await acmeDb.select().from(users)).map((u) => u.name)).toEqual(["Acme owner"]);
});

it("an unknown or malformed tenant id reaches no database", async () => {
  for (const id of [crypto.randomUUID(), "acme' or '1'='1", ""]) {
    const error = await t.tenancy
      .getTenantDb(id)
      .select()
      .from(projects)
      .catch((e: unknown) => e);
    expect(asTenancyError(error)?.code).toBe("tenant_not_found");
  }
});
