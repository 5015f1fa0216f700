// Test support: each test file gets its own control-plane database (random name) on the real
// server from DATABASE_URL, migrated, with that server registered as "primary". `cleanup()`
// drops every tenant database it placed and the control-plane database itself.
import {
  controlPlaneRuntimeRoleName,
  createTenancy,
  migrateControlPlaneDatabase,
  type Tenancy,
  type TenancyOptions,
} from "@repo/tenancy";
import postgres from "postgres";

export function requireEnv(name: "DATABASE_URL" | "DATABASE_URL_2"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through the root vitest config (global setup).`);
  return value;
}

export function randomSuffix(): string {
  return crypto.randomUUID().replace(/-/g, "").slice(0, 10);
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** SQLSTATE and message a query failed with (unwrapping drizzle's cause chain), or undefined when it worked. */
export async function failureOf(query: PromiseLike<unknown>): Promise<{ code: string; message: string } | undefined> {
  let error = (await Promise.resolve(query).then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; message?: string; cause?: unknown } | null;
  while (error && !error.code) error = error.cause as typeof error;
  return error ? { code: error.code!, message: error.message ?? "" } : undefined;
}

export type TestTenancy = { tenancy: Tenancy; controlPlaneUrl: string; cleanup: () => Promise<void> };

export async function createTestTenancy(options: Partial<TenancyOptions> = {}): Promise<TestTenancy> {
  const serverUrl = requireEnv("DATABASE_URL");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const controlPlaneName = `test_cp_${randomSuffix()}`;
  await admin.unsafe(`create database "${controlPlaneName}"`);
  const controlPlaneUrl = databaseUrl(serverUrl, controlPlaneName);
  // Migrations + the runtime role the tenancy below connects as (what `pnpm db:migrate` does).
  await migrateControlPlaneDatabase(controlPlaneUrl, { roleSecret: options.roleSecret });

  const tenancy = createTenancy({
    controlPlaneUrl,
    resolveEnv: (name) => process.env[name],
    builtinRoles: [
      { key: "owner", name: "Owner", permissions: ["projects:read", "projects:write", "tenant:manage"] },
      { key: "viewer", name: "Viewer", permissions: ["projects:read"] },
    ],
    applicationName: `test-${controlPlaneName}`,
    ...options,
  });
  await tenancy.registerServer({ name: "primary", connectionRef: "env:DATABASE_URL" });

  const cleanup = async () => {
    const tenants = await tenancy.listTenants({ limit: 100_000 });
    const servers = await tenancy.listServers();
    await tenancy.close();
    for (const server of servers) {
      const url = server.connectionRef.startsWith("env:")
        ? requireEnv(server.connectionRef.slice(4) as "DATABASE_URL")
        : server.connectionRef;
      const sql = postgres(url, { max: 4, onnotice: () => {} });
      await Promise.all(
        tenants
          .filter((t) => t.serverName === server.name)
          .map(async (t) => {
            await sql.unsafe(`drop database if exists "${t.databaseName}" with (force)`);
            await sql.unsafe(`drop role if exists "${t.databaseName}"`);
          }),
      );
      await sql.end();
    }
    await admin.unsafe(`drop database if exists "${controlPlaneName}" with (force)`);
    await admin.unsafe(`drop role if exists "${controlPlaneRuntimeRoleName(controlPlaneName)}"`);
    await admin.end();
  };
  return { tenancy, controlPlaneUrl, cleanup };
}

/** Provisions `count` tenants `<prefix>-<i>` with bounded concurrency; returns them in order. */
export async function provisionMany(tenancy: Tenancy, prefix: string, count: number, concurrency = 4) {
  const results = new Array<Awaited<ReturnType<Tenancy["provisionTenant"]>>>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await tenancy.provisionTenant({ slug: `${prefix}-${i}`, name: `${prefix} ${i}` });
      }
    }),
  );
  return results;
}
