// `pnpm --filter @repo/tenancy db:migrate` (root: `pnpm db:migrate`): installs/upgrades the job
// queue's schema, migrates the control plane and re-grants its runtime role, registers DATABASE_URL's server as "default" when no server exists yet, then migrates
// every tenant. Exit code 1 when any tenant failed (the others are still migrated).
// Built-in role rows are re-synced by the app-level seed (which knows the roles), not here.
import { migrateJobQueue } from "@repo/db/job-queue";
import { createTenancy } from "../create-tenancy";
import { loadTenancyEnv, readConnectionEnv } from "../env";
import { createProgressReporter } from "./progress-reporter";

async function main(): Promise<number> {
  const env = loadTenancyEnv();
  const tenancy = createTenancy({
    controlPlaneUrl: env.DATABASE_URL,
    resolveEnv: readConnectionEnv,
    applicationName: "repo-migrate",
    ...(env.TENANT_DB_ROLE_SECRET ? { roleSecret: env.TENANT_DB_ROLE_SECRET } : {}),
  });
  try {
    // Before the control plane: its grant step then covers the queue's tables too.
    await migrateJobQueue(env.DATABASE_URL);
    const controlPlane = await tenancy.migrateControlPlane();
    console.log(`control plane: ${controlPlane.applied} migration(s) applied (${controlPlane.total} total)`);
    if (await tenancy.ensureDefaultServer({ name: "default", connectionRef: "env:DATABASE_URL" })) {
      console.log(`registered server "default" (env:DATABASE_URL)`);
    }
    const result = await tenancy.migrateAllTenants({
      concurrency: 4,
      onProgress: createProgressReporter(process.stdout),
    });
    console.log(`tenants: ${result.succeeded}/${result.total} migrated in ${Math.round(result.durationMs)} ms`);
    for (const { tenant, error } of result.failed) console.error(`  ✗ ${tenant.slug}: ${error.message}`);
    return result.failed.length > 0 ? 1 : 0;
  } finally {
    await tenancy.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
