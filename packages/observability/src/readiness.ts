// Health endpoints for load balancers. Liveness: the process answers (no dependency is
// touched). Readiness: every dependency check passes within its time budget. The readiness
// result is cached for `cacheMs` and concurrent callers share one run, so a probe every few
// hundred milliseconds from several balancers costs one round of checks per window.

export type ReadinessCheck = {
  /** Stable name shown in the report (`control_plane`, `redis`, `signing_keys`, …). */
  name: string;
  /** Resolves when healthy; throws (or exceeds the budget) when not. */
  run: () => Promise<void>;
};

export type ReadinessReport = {
  status: "ready" | "not_ready";
  checks: Record<string, { ok: boolean; ms: number; error?: string }>;
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
        return [check.name, { ok: true, ms: Date.now() - startedAt }] as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [check.name, { ok: false, ms: Date.now() - startedAt, error: message.slice(0, 200) }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { status: results.every(([, r]) => r.ok) ? "ready" : "not_ready", checks: Object.fromEntries(results) };
}

const NO_STORE = { "cache-control": "no-store" };

export function livenessResponse(): Response {
  return Response.json({ status: "ok" }, { headers: NO_STORE });
}

/** 200 when ready, 503 (with the failing checks named) when not. */
export function readinessResponse(report: ReadinessReport): Response {
  return Response.json(report, { status: report.status === "ready" ? 200 : 503, headers: NO_STORE });
}
