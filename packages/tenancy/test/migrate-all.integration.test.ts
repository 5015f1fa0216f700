import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getMigrationsFolder } from "@repo/db/migrations";
import { type MigrateProgress } from "@repo/tenancy";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestTenancy, databaseUrl, provisionMany, requireEnv, type TestTenancy } from "./support/test-tenancy";

const TENANTS = 50;
let t: TestTenancy;
let folder: string;

/** Appends a migration to the copied tenant history, as `pnpm db:generate` would. */
function addProbeMigration() {
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
    entries: { idx: number; when: number; tag: string }[];
  };
  const last = journal.entries.at(-1)!;
  const tag = `${String(last.idx + 1).padStart(4, "0")}_test_probe`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  writeFileSync(join(folder, `${tag}.sql`), `CREATE TABLE "migration_probe" ("id" integer PRIMARY KEY);`);
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "tenant-migrations-"));
  cpSync(getMigrationsFolder("tenant"), folder, { recursive: true });
  t = await createTestTenancy({ tenantMigrationsFolder: folder });
}, 300_000);

afterAll(async () => {
  await t?.cleanup();
  rmSync(folder, { recursive: true, force: true });
}, 300_000);

it(`migrateAllTenants over ${TENANTS} tenants with one broken: 49 migrate, the broken one is reported, a re-run completes it`, async () => {
  const tenants = await provisionMany(t.tenancy, "mig", TENANTS, 4);
  addProbeMigration();

  // Break one tenant: an object already exists that the new migration creates.
  const broken = tenants[17]!;
  const brokenSql = postgres(databaseUrl(requireEnv("DATABASE_URL"), broken.databaseName), {
    max: 1,
    onnotice: () => {},
  });
  await brokenSql`create table migration_probe (conflict text)`;

  const progress: MigrateProgress[] = [];
  const first = await t.tenancy.migrateAllTenants({ concurrency: 4, onProgress: (p) => progress.push(p) });
  console.log(
    `[figures] time to migrate ${TENANTS} tenants (one new migration, concurrency 4): ${first.durationMs.toFixed(0)} ms`,
  );

  expect(first.total).toBe(TENANTS);
  expect(first.succeeded).toBe(TENANTS - 1);
  expect(first.failed.map((f) => f.tenant.slug)).toEqual([broken.slug]);
  expect(first.failed[0]!.error.message).toMatch(/migration_probe/);
  expect(progress).toHaveLength(TENANTS);
  expect(progress.at(-1)).toMatchObject({ done: TENANTS, total: TENANTS, failed: 1 });
  expect(progress.filter((p) => p.ok).every((p) => p.applied === 1)).toBe(true);

  // Fix it and re-run: only the broken tenant has work left.
  await brokenSql`drop table migration_probe`;
  await brokenSql.end();
  const applied: Record<string, number> = {};
  const second = await t.tenancy.migrateAllTenants({
    concurrency: 4,
    onProgress: (p) => (applied[p.tenant.slug] = p.applied),
  });
  expect(second).toMatchObject({ total: TENANTS, succeeded: TENANTS, failed: [] });
  expect(applied[broken.slug]).toBe(1);
  expect(Object.values(applied).reduce((a, b) => a + b, 0)).toBe(1);
}, 300_000);
