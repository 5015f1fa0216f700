// `pnpm db:migrate` step 2 (after @repo/tenancy's migrations): brings every existing tenant's
// built-in role rows in line with BUILTIN_ROLE_LIST from code, so a role or permission added in
// code is assignable in every tenant after the normal deploy step. Runs the migrate-all runner
// with the roles (migrations already applied are no-ops; the per-database advisory lock holds).
import { BUILTIN_ROLE_LIST } from "@repo/auth/rbac";
import { createTenancy } from "@repo/tenancy";

async function main(): Promise<number> {
  const controlPlaneUrl = process.env.DATABASE_URL;
  if (!controlPlaneUrl) {
    console.error("sync-builtin-roles: DATABASE_URL is not set");
    return 1;
  }
  const tenancy = createTenancy({
    controlPlaneUrl,
    builtinRoles: BUILTIN_ROLE_LIST,
    resolveEnv: (name) => process.env[name],
    applicationName: "repo-sync-roles",
    // Same secret as the apps: migrateAllTenants re-keys tenant roles (and the control-plane
    // runtime role's URL is derived from it).
    ...(process.env.TENANT_DB_ROLE_SECRET ? { roleSecret: process.env.TENANT_DB_ROLE_SECRET } : {}),
  });
  try {
    const result = await tenancy.migrateAllTenants({ concurrency: 4 });
    const roles = BUILTIN_ROLE_LIST.map((role) => role.key).join(", ");
    console.log(`built-in roles (${roles}) synced in ${result.succeeded}/${result.total} tenant(s)`);
    for (const { tenant, error } of result.failed) console.error(`  ✗ ${tenant.slug}: ${error.message}`);
    return result.failed.length > 0 ? 1 : 0;
  } finally {
    await tenancy.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`sync-builtin-roles failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
