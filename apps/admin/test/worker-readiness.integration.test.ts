// The webhook worker's health in the admin readiness endpoint (real route handler, Postgres,
// Redis, a real worker process-in-test): no heartbeat → `degraded` (still 200, the console serves
// without it); a running worker → `ready`; a worker gone quiet for 90 s → `degraded` again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, type AdminTestEnv } from "./support/admin-test-env";

let env: AdminTestEnv;
let route: { GET: () => Promise<Response> };

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  route = await import("../src/app/api/health/ready/route");
}, 120_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

/** The readiness report, past the probe's ~1.5 s cache. */
async function readiness(): Promise<{
  status: number;
  body: { status: string; checks: Record<string, { ok: boolean; error?: string }> };
}> {
  await new Promise((r) => setTimeout(r, 1_600));
  const res = await route.GET();
  return { status: res.status, body: await res.json() };
}

describe("GET /api/health/ready and the webhook worker", () => {
  it("degraded without a worker, ready while one runs, degraded once its heartbeat is stale", async () => {
    const none = await readiness();
    expect(none.status).toBe(200);
    expect(none.body.status).toBe("degraded");
    expect(none.body.checks.webhook_worker).toMatchObject({ ok: false, error: "no worker has ever run" });

    const { startWebhookWorker } = await import("@repo/webhooks/worker");
    const worker = await startWebhookWorker({
      controlPlaneUrl: env.controlPlaneUrl,
      getTenantDb: () => {
        throw new Error("no tenant in this test");
      },
    });
    try {
      const live = await readiness();
      expect(live.status).toBe(200);
      expect(live.body.checks.webhook_worker).toMatchObject({ ok: true });
      expect(live.body.status).toBe("ready");
    } finally {
      await worker.stop();
    }

    // The worker stopped; make its last heartbeat older than the 90 s window.
    const postgres = (await import("postgres")).default;
    const sql = postgres(env.controlPlaneUrl, { max: 1, onnotice: () => {} });
    await sql`update worker_heartbeats set last_seen_at = now() - interval '91 seconds'`;
    await sql.end();
    const stale = await readiness();
    expect(stale.status).toBe(200);
    expect(stale.body.status).toBe("degraded");
    expect(stale.body.checks.webhook_worker!.error).toMatch(/^last heartbeat 9\d s ago$/);
  }, 60_000);
});
