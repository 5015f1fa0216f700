// Migrating the control plane is one of the two jobs (with provisioning) that use its privileged
// URL: one short-lived connection as the owner/superuser applies the migrations, then re-creates
// the runtime role's grants so tables a migration added are covered at once. Node only.
import { migrateControlPlane, type MigrateResult } from "@repo/db/migrations";
import postgres from "postgres";
import { DEV_TENANT_DB_ROLE_SECRET } from "../servers/tenant-role";
import { ensureControlPlaneRuntimeRole } from "./runtime-role";

export type MigrateControlPlaneOptions = {
  /** TENANT_DB_ROLE_SECRET: the runtime role's password is derived from it (dev value otherwise). */
  roleSecret?: string;
  connectTimeoutSeconds?: number;
  applicationName?: string;
};

/** Migrations + the runtime role and its grants, on `adminUrl` (the owner/superuser). Idempotent. */
export async function migrateControlPlaneDatabase(
  adminUrl: string,
  options: MigrateControlPlaneOptions = {},
): Promise<MigrateResult> {
  const admin = postgres(adminUrl, {
    max: 1,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "repo-migrate" },
  });
  try {
    const result = await migrateControlPlane(admin);
    await ensureControlPlaneRuntimeRole(admin, options.roleSecret ?? DEV_TENANT_DB_ROLE_SECRET);
    return result;
  } finally {
    await admin.end({ timeout: 5 });
  }
}
