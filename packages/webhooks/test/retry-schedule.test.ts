// The retry schedule: exponential, capped, with jitter; the defaults span about a day.
import { DEFAULT_WORKER_SETTINGS, computeRetryDelayMs } from "@repo/webhooks/worker";
import { describe, expect, it } from "vitest";

const { retry } = DEFAULT_WORKER_SETTINGS;
const HOUR = 3600_000;

describe("computeRetryDelayMs", () => {
  it("grows exponentially and is capped, jitter staying within [half, full] of the nominal delay", () => {
    for (let attempt = 1; attempt < retry.maxAttempts; attempt++) {
      const nominal = Math.min(retry.maxDelayMs, retry.baseDelayMs * retry.factor ** (attempt - 1));
      expect(computeRetryDelayMs(attempt, retry, () => 0)).toBe(Math.round(nominal / 2));
      expect(computeRetryDelayMs(attempt, retry, () => 1)).toBe(Math.round(nominal));
    }
    expect(computeRetryDelayMs(50, retry, () => 1)).toBe(retry.maxDelayMs);
  });

  it("spreads the default attempts over about a day before a delivery is marked failed", () => {
    const total = (random: () => number) =>
      Array.from({ length: retry.maxAttempts - 1 }, (_, i) => computeRetryDelayMs(i + 1, retry, random)).reduce(
        (a, b) => a + b,
        0,
      );
    expect(total(() => 1)).toBeGreaterThan(20 * HOUR);
    expect(total(() => 1)).toBeLessThan(30 * HOUR);
    expect(total(() => 0.5)).toBeGreaterThan(15 * HOUR);
  });
});
