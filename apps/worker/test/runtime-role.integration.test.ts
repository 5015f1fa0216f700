// The worker reaches the control plane (graphile-worker's queue included) as the DML-only runtime
// role, as main.ts wires it: after what `pnpm db:migrate` does, it boots, sweeps and writes its
// heartbeat without any privilege beyond the runtime role's grants.
import { migrateJobQueue } from "@repo/db/job-queue";
import { controlPlaneRuntimeRoleName, createTenancy, migrateControlPlaneDatabase } from "@repo/tenancy";
import { startWebhookWorker } from "@repo/webhooks/worker";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";

const name = `worker_rt_${crypto.randomUUID().replace(/-/g, "").slice(0, 10)}`;
let admin: postgres.Sql;
let controlPlaneUrl: string;

beforeAll(async () => {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL is not set: run through the root vitest config (global setup).");
  admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  controlPlaneUrl = url.toString();
  await migrateJobQueue(controlPlaneUrl);
  await migrateControlPlaneDatabase(controlPlaneUrl);
}, 60_000);

afterAll(async () => {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`drop role if exists "${controlPlaneRuntimeRoleName(name)}"`);
  await admin.end();
});

it("boots and sweeps with every connection (graphile-worker's included) as the runtime role", {
  timeout: 60_000,
}, async () => {
  const tenancy = createTenancy({ controlPlaneUrl });
  const worker = await startWebhookWorker({
    controlPlaneUrl: tenancy.getControlPlaneRuntimeUrl(),
    getTenantDb: (tenantId) => tenancy.getTenantDb(tenantId),
    settings: { sweepIntervalMs: 60_000 },
  });
  try {
    await worker.sweep();
    const sessions = await admin.unsafe<{ user: string }[]>(
      `select distinct usename as user from pg_stat_activity where datname = '${name}'`,
    );
    expect(sessions).toEqual([{ user: controlPlaneRuntimeRoleName(name) }]);
  } finally {
    await worker.stop();
    await tenancy.close();
  }
  const owner = postgres(controlPlaneUrl, { max: 1, onnotice: () => {} });
  const [beat] = await owner`select count(*)::int as n from worker_heartbeats`;
  await owner.end();
  expect(beat).toEqual({ n: 1 });
});
