// Integration-test environment for the admin API: a fresh control-plane database (random name)
// on the real Postgres from DATABASE_URL, migrated, with that server registered for tenant
// placement; two operators (owner, support). Must run BEFORE any admin module is imported:
// the admin/tenancy/auth singletons read DATABASE_URL on first use.
import { hashPassword } from "@repo/auth/server";
import { controlPlaneRuntimeRoleName, migrateControlPlaneDatabase } from "@repo/tenancy";
import postgres from "postgres";

export const randomSuffix = () => crypto.randomUUID().replace(/-/g, "").slice(0, 10);

export type AdminTestEnv = {
  serverUrl: string;
  controlPlaneUrl: string;
  ownerId: string;
  supportId: string;
  cleanup: () => Promise<void>;
};

export async function setUpAdminTestEnv(): Promise<AdminTestEnv> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL is not set: run through the root vitest config (global setup).");
  const name = `test_admin_cp_${randomSuffix()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const controlPlaneUrl = url.toString();
  // Migrations + the runtime role the app connects as (what `pnpm db:migrate` does).
  await migrateControlPlaneDatabase(controlPlaneUrl, { roleSecret: process.env.TENANT_DB_ROLE_SECRET });
  const cp = postgres(controlPlaneUrl, { max: 1, onnotice: () => {} });
  await cp`insert into db_servers (name, connection_ref) values ('primary', ${serverUrl})`;
  const hash = await hashPassword("demo-password-1");
  const [owner] =
    await cp`insert into operators (email, name, password_hash, role) values ('ops@example.test', 'Ops', ${hash}, 'owner') returning id`;
  const [support] =
    await cp`insert into operators (email, name, password_hash, role) values ('support@example.test', 'Support', ${hash}, 'support') returning id`;
  await cp.end();
  process.env.DATABASE_URL = controlPlaneUrl;
  // The one Redis budget (REVOCATION_TIMEOUT_MS, 50 ms in production) is too tight for a test
  // machine running many suites at once; the web tests use the same value.
  process.env.REVOCATION_TIMEOUT_MS ??= "2000";

  return {
    serverUrl,
    controlPlaneUrl,
    ownerId: owner!.id as string,
    supportId: support!.id as string,
    cleanup: async () => {
      process.env.DATABASE_URL = serverUrl;
      const sql = postgres(controlPlaneUrl, { max: 1, onnotice: () => {} });
      const tenants = await sql<{ database_name: string }[]>`select database_name from tenants`.catch(() => []);
      await sql.end();
      for (const t of tenants) await admin.unsafe(`drop database if exists "${t.database_name}" with (force)`);
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.unsafe(`drop role if exists "${controlPlaneRuntimeRoleName(name)}"`);
      await admin.end();
    },
  };
}
