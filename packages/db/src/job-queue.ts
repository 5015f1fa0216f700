// @repo/db/job-queue — installs/upgrades the job queue's schema (graphile-worker, schema
// `graphile_worker`) in the control-plane database. Part of `pnpm db:migrate`, run with the
// privileged URL: the worker and the apps reach the queue as the runtime role, which cannot
// create schemas. Node only; graphile-worker is loaded only when this runs.

/** Applies graphile-worker's own migrations (idempotent; safe with a worker running). */
export async function migrateJobQueue(adminUrl: string): Promise<void> {
  const { Logger, runMigrations } = await import("graphile-worker");
  await runMigrations({
    connectionString: adminUrl,
    logger: new Logger(() => (level, message) => {
      if (level === "error" || level === "warning") console.error(`[job-queue] ${message}`);
    }),
  });
}
