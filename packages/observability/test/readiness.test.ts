import { describe, expect, it } from "vitest";
import { createReadinessProbe, livenessResponse, readinessResponse } from "@repo/observability";

describe("readiness probe", () => {
  it("is ready when every check passes, and says which check failed otherwise", async () => {
    const probe = createReadinessProbe([
      { name: "control_plane", run: async () => {} },
      { name: "redis", run: async () => Promise.reject(new Error("ECONNREFUSED")) },
    ]);
    const report = await probe();
    expect(report.status).toBe("not_ready");
    expect(report.checks.control_plane!.ok).toBe(true);
    expect(report.checks.redis).toMatchObject({ ok: false, error: "ECONNREFUSED" });
    const response = readinessResponse(report);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("stays in rotation (200, degraded) when only a non-critical check fails", async () => {
    const probe = createReadinessProbe([
      { name: "control_plane", run: async () => {} },
      { name: "webhook_worker", critical: false, run: async () => Promise.reject(new Error("no worker has ever run")) },
    ]);
    const report = await probe();
    expect(report.status).toBe("degraded");
    expect(report.checks.webhook_worker).toMatchObject({ ok: false, critical: false, error: "no worker has ever run" });
    expect(readinessResponse(report).status).toBe(200);
  });

  it("bounds a hanging check by the time budget", async () => {
    const probe = createReadinessProbe([{ name: "stuck", run: () => new Promise(() => {}) }], { timeoutMs: 20 });
    const report = await probe();
    expect(report.checks.stuck).toMatchObject({ ok: false, error: "no answer within 20 ms" });
  });

  it("shares one run between callers inside the cache window", async () => {
    let runs = 0;
    const probe = createReadinessProbe([{ name: "db", run: async () => void runs++ }], { cacheMs: 60_000 });
    const [a, b] = await Promise.all([probe(), probe()]);
    await probe();
    expect(runs).toBe(1);
    expect(a).toBe(b);
    expect(readinessResponse(a).status).toBe(200);
  });

  it("re-runs the checks once the window has passed", async () => {
    let runs = 0;
    const probe = createReadinessProbe([{ name: "db", run: async () => void runs++ }], { cacheMs: 0 });
    await probe();
    await probe();
    expect(runs).toBe(2);
  });

  it("liveness touches nothing and says ok", async () => {
    const response = livenessResponse();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
