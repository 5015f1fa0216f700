// Health endpoints for load balancers. Liveness: the process answers (no dependency is
// touched). Readiness: every dependency check passes within its time budget. The readiness
// result is cached for `cacheMs` and concurrent callers share one run, so a probe every few
// hundred milliseconds from several balancers costs one round of checks per window.

export type ReadinessCheck = {
  /** Stable name shown in the report (`control_plane`, `redis`, `signing_keys`, …). */
  name: string;
  /** Resolves when healthy; throws (or exceeds the budget) when not. */
  run: () => Promise<void>;
  /**
   * Whether this instance can serve requests without it (default true). A failing non-critical
   * check is reported and turns the status to `degraded`, but the instance stays in rotation.
   */
  critical?: boolean;
};

export type ReadinessReport = {
  status: "ready" | "degraded" | "not_ready";
  checks: Record<string, { ok: boolean; ms: number; error?: string; critical: boolean }>;
};

export function createReadinessProbe(
  checks: readonly ReadinessCheck[],
  options: { cacheMs?: number; timeoutMs?: number } = {},
): () => Promise<ReadinessReport> {
  const cacheMs = options.cacheMs ?? 1500;
  const timeoutMs = options.timeoutMs ?? 2000;
  let cached: { at: number; report: Promise<ReadinessReport> } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at >= cacheMs) cached = { at: now, report: runChecks(checks, timeoutMs) };
    return cached.report;
  };
}

async function runChecks(checks: readonly ReadinessCheck[], timeoutMs: number): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (check) => {
      const startedAt = Date.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          check.run(),
          new Promise(
            (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
          ),
        ]);
        return [check.name, { ok: true, ms: Date.now() - startedAt, critical: check.critical ?? true }] as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const ms = Date.now() - startedAt;
        return [check.name, { ok: false, ms, error: message.slice(0, 200), critical: check.critical ?? true }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const failed = results.filter(([, r]) => !r.ok);
  const status = failed.length === 0 ? "ready" : failed.some(([, r]) => r.critical) ? "not_ready" : "degraded";
  return { status, checks: Object.fromEntries(results) };
}

const NO_STORE = { "cache-control": "no-store" };

export function livenessResponse(): Response {
  return Response.json({ status: "ok" }, { headers: NO_STORE });
}

/** 200 when ready or degraded (a non-critical check failed), 503 (failing checks named) when not. */
export function readinessResponse(report: ReadinessReport): Response {
  return Response.json(report, { status: report.status === "not_ready" ? 503 : 200, headers: NO_STORE });
}
