// THE sign-in brute-force limiter, tenant and operator alike (Node): per (scope, IP) and per
// (scope, email) over @upstash/ratelimit, scope = tenant id or "admin". Each attempt consumes both
// windows up front (parallel guesses can't slip past); success clears the email window.
// FAILS CLOSED: the library's "timeout" success (fail open) and its throws become "unavailable".
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";

/** One sign-in attempt. `scope` keeps accounts apart: a tenant id, or "admin" for operators. */
export type SignInAttempt = { scope: string; ip: string; email: string };

export type SignInLimitResult =
  | { status: "allowed" }
  | { status: "limited"; retryAfterSeconds: number }
  | { status: "unavailable" };

export type SignInLimiter = {
  consume(attempt: SignInAttempt): Promise<SignInLimitResult>;
  /** Clears the per-email window after a successful sign-in. Best effort. */
  clearEmail(attempt: Omit<SignInAttempt, "ip">): Promise<void>;
};

export type SignInLimiterOptions = {
  upstash: { url: string; token: string };
  ipLimit: number;
  emailLimit: number;
  windowSeconds: number;
  /** Redis budget per check (default 1000 ms; sign-in is not the hot path). */
  timeoutMs?: number;
  /** Redis key prefix (default "rl:signin"). */
  prefix?: string;
};

/** Builds the limiter; it connects lazily (nothing happens until the first attempt). */
export function createSignInLimiter(options: SignInLimiterOptions): SignInLimiter {
  const timeoutMs = options.timeoutMs ?? 1_000;
  const redis = new Redis({
    ...options.upstash,
    retry: false, // the client would otherwise retry for ~12 s on a dead Redis
    enableTelemetry: false,
    signal: () => AbortSignal.timeout(timeoutMs),
  });
  const prefix = options.prefix ?? "rl:signin";
  const window = `${options.windowSeconds} s` as const;
  const make = (limit: number, kind: string) =>
    new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(limit, window),
      prefix: `${prefix}:${kind}`,
      timeout: timeoutMs,
      analytics: false,
      ephemeralCache: false,
    });
  const byIp = make(options.ipLimit, "ip");
  const byEmail = make(options.emailLimit, "email");
  const emailKey = (a: Omit<SignInAttempt, "ip">) => `${a.scope}:${a.email.trim().toLowerCase()}`;

  /** The limiter's verdict, or null when Redis did not answer properly in time. */
  async function limitOrNull(limiter: Ratelimit, key: string) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([
        limiter.limit(key),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), timeoutMs + 100);
        }),
      ]);
      return result && result.reason !== "timeout" ? result : null;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async consume(attempt) {
      const [ip, email] = await Promise.all([
        limitOrNull(byIp, `${attempt.scope}:${attempt.ip}`),
        limitOrNull(byEmail, emailKey(attempt)),
      ]);
      if (!ip || !email) return { status: "unavailable" };
      const denied = [ip, email].filter((r) => !r.success);
      if (denied.length === 0) return { status: "allowed" };
      const reset = Math.max(...denied.map((r) => r.reset));
      return { status: "limited", retryAfterSeconds: Math.max(1, Math.ceil((reset - Date.now()) / 1000)) };
    },
    async clearEmail(attempt) {
      try {
        await byEmail.resetUsedTokens(emailKey(attempt));
      } catch {
        // Best effort: the window expires on its own.
      }
    },
  };
}
