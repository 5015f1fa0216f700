// Sign-in rate limiting per (tenant, ip) and per (tenant, email) over @upstash/ratelimit.
// FAILS CLOSED: @upstash/ratelimit reports success with reason "timeout" when Redis is slow,
// and throws on errors; both become "unavailable" here, so a Redis outage can't open the door
// to password guessing.
import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";

export type SignInRateLimitResult =
  | { ok: true }
  | { ok: false; reason: "ip" | "email" | "unavailable"; retryAfterSeconds: number };

export type SignInRateLimiter = {
  check(input: { tenantId: string; ip: string | null; email: string }): Promise<SignInRateLimitResult>;
};

export type SignInRateLimiterOptions = {
  redis: Redis;
  /** Attempts per window per (tenant, ip) (default 20). */
  ipLimit?: number;
  /** Attempts per window per (tenant, email) (default 5). */
  emailLimit?: number;
  windowSeconds?: number;
  /** Budget for the Redis round trip (default 500 ms; sign-in is not the hot path). */
  timeoutMs?: number;
  prefix?: string;
};

export function createSignInRateLimiter(options: SignInRateLimiterOptions): SignInRateLimiter {
  const window = `${options.windowSeconds ?? 60} s` as const;
  const timeoutMs = options.timeoutMs ?? 500;
  const prefix = options.prefix ?? "rl:signin";
  const make = (limit: number, kind: string) =>
    new Ratelimit({
      redis: options.redis,
      limiter: Ratelimit.slidingWindow(limit, window as `${number} s`),
      prefix: `${prefix}:${kind}`,
      timeout: timeoutMs,
      analytics: false,
      ephemeralCache: false,
    });
  const byIp = make(options.ipLimit ?? 20, "ip");
  const byEmail = make(options.emailLimit ?? 5, "email");

  const limitOrUnavailable = async (limiter: Ratelimit, key: string) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([
        limiter.limit(key),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), timeoutMs + 50);
        }),
      ]);
      if (!result || result.reason === "timeout") return null;
      return result;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async check({ tenantId, ip, email }) {
      const [ipResult, emailResult] = await Promise.all([
        limitOrUnavailable(byIp, `${tenantId}:${ip ?? "unknown"}`),
        limitOrUnavailable(byEmail, `${tenantId}:${email.toLowerCase()}`),
      ]);
      if (!ipResult || !emailResult) return { ok: false, reason: "unavailable", retryAfterSeconds: 5 };
      const retry = (reset: number) => Math.max(1, Math.ceil((reset - Date.now()) / 1000));
      if (!ipResult.success) return { ok: false, reason: "ip", retryAfterSeconds: retry(ipResult.reset) };
      if (!emailResult.success) return { ok: false, reason: "email", retryAfterSeconds: retry(emailResult.reset) };
      return { ok: true };
    },
  };
}
