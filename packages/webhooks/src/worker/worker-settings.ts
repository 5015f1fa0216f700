// Tunables of the webhook worker, with production defaults. The composition root (apps/worker)
// reads them from env; tests pass small values to run a day of retries in seconds.
export type RetrySettings = {
  /** First retry delay (default 5 s); each next one is `factor` times longer, capped, with jitter. */
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Attempts in total, the first included (default 14: 18–25 h of retries with the defaults). */
  maxAttempts: number;
};

export type WebhookWorkerSettings = {
  /** Allow http:// and private/loopback addresses (dev, tests, the E2E stack). Never in production. */
  allowPrivateUrls: boolean;
  /** Jobs run concurrently by this process (default 5). */
  concurrency: number;
  /** One attempt's budget: connect + headers + body (default 15 s). */
  requestTimeoutMs: number;
  retry: RetrySettings;
  /** An endpoint failing continuously for this long is disabled, with an audit entry (default 3 days). */
  disableAfterMs: number;
  /** Heartbeat + safety-net sweep period (default 30 s). */
  sweepIntervalMs: number;
  /** A pending delivery this late is re-queued by the sweep (crashed worker; default 60 s). */
  overdueAfterMs: number;
};

export const DEFAULT_WORKER_SETTINGS: WebhookWorkerSettings = {
  allowPrivateUrls: false,
  concurrency: 5,
  requestTimeoutMs: 15_000,
  retry: { baseDelayMs: 5_000, factor: 3, maxDelayMs: 4 * 3600_000, maxAttempts: 14 },
  disableAfterMs: 3 * 24 * 3600_000,
  sweepIntervalMs: 30_000,
  overdueAfterMs: 60_000,
};

/**
 * Delay before attempt `attempt + 1`, given `attempt` attempts so far (≥ 1): exponential, capped,
 * with "equal jitter" (half fixed, half random) so a burst of failures does not retry in lockstep.
 */
export function computeRetryDelayMs(attempt: number, retry: RetrySettings, random: () => number = Math.random): number {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * retry.factor ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
