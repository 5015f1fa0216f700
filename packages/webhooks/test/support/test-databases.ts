// Test support: a fresh control-plane database and one tenant database (random names) on the
// real server from DATABASE_URL, both migrated, with the tenant registered as `active`.
import { migrateControlPlane, migrateTenant } from "@repo/db/migrations";
import { createControlPlaneDb, dbServers, tenants, type ControlPlaneHandle } from "@repo/db/control-plane";
import { createTenantDrizzle, type TenantDb } from "@repo/db/tenant";
import postgres, { type Sql } from "postgres";

export function randomSuffix(): string {
  return crypto.randomUUID().replace(/-/g, "").slice(0, 10);
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export type TestDatabases = {
  controlPlaneUrl: string;
  tenantUrl: string;
  tenant: { id: string; slug: string };
  controlPlane: ControlPlaneHandle;
  tenantDb: TenantDb;
  getTenantDb: (tenantId: string) => TenantDb;
  cleanup: () => Promise<void>;
};

export async function createTestDatabases(): Promise<TestDatabases> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL is not set: run tests through the root vitest config (global setup).");
  const suffix = randomSuffix();
  const cpName = `test_wh_cp_${suffix}`;
  const tenantName = `test_wh_t_${suffix}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${cpName}"`);
  await admin.unsafe(`create database "${tenantName}"`);
  const controlPlaneUrl = databaseUrl(serverUrl, cpName);
  const tenantUrl = databaseUrl(serverUrl, tenantName);
  const controlPlane = createControlPlaneDb(controlPlaneUrl, { max: 4 });
  const tenantSql: Sql = postgres(tenantUrl, { max: 4, onnotice: () => {} });
  await migrateControlPlane(controlPlane.sql);
  await migrateTenant(tenantSql);
  await controlPlane.db.insert(dbServers).values({ name: "primary", connectionRef: serverUrl });
  const slug = `wh-${suffix}`;
  const [row] = await controlPlane.db
    .insert(tenants)
    .values({ slug, name: `Webhooks ${suffix}`, status: "active", serverName: "primary", databaseName: tenantName })
    .returning();
  const tenantDb = createTenantDrizzle(tenantSql);
  return {
    controlPlaneUrl,
    tenantUrl,
    tenant: { id: row!.id, slug },
    controlPlane,
    tenantDb,
    getTenantDb: () => tenantDb,
    cleanup: async () => {
      await tenantSql.end({ timeout: 5 });
      await controlPlane.close();
      await admin.unsafe(`drop database if exists "${tenantName}" with (force)`);
      await admin.unsafe(`drop database if exists "${cpName}" with (force)`);
      await admin.end();
    },
  };
}
