// THE sign-in brute-force limiter, tenant and operator alike (Node), scope = tenant id or "admin".
// It must stop guessing WITHOUT letting an attacker lock the real user out (OWASP "device
// cookies"; NIST SP 800-63B §5.2.2):
// - a trusted device (a browser that signed in to this account before and holds a signed device
//   cookie) is counted only against its OWN window: other clients' failures never block it;
// - untrusted clients share a per (scope, IP) window and a per (scope, email) window, and after
//   `emailLimit` consecutive failures each further failure adds a growing delay (1 s, 2 s, 4 s …
//   up to 15 min) during which untrusted attempts get 429;
// - an account takes at most 100 consecutive untrusted failures (NIST cap) until a success, and a
//   device cookie is put in lockout after `deviceLimit` consecutive failures (a stolen cookie is
//   no unlimited budget).
// Windows are consumed up front (parallel guesses can't slip past); outcomes are recorded after.
// FAILS CLOSED: the library's "timeout" success (fail open) and any throw become "unavailable".
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";

/**
 * One sign-in attempt. `scope` keeps accounts apart: a tenant id, or "admin" for operators.
 * `deviceId`: set when the request carries a valid device cookie for this scope and email.
 */
export type SignInAttempt = { scope: string; ip: string; email: string; deviceId?: string | null };

export type SignInLimitReason = "ip" | "account" | "device";

export type SignInLimitResult =
  | { status: "allowed" }
  /** `reason`: which budget refused: the client IP's, the account's (untrusted clients), or the device's. */
  | { status: "limited"; retryAfterSeconds: number; reason: SignInLimitReason }
  | { status: "unavailable" };

export type SignInLimiter = {
  consume(attempt: SignInAttempt): Promise<SignInLimitResult>;
  /** Records what Auth.js answered: a success clears the account's failure state. Best effort. */
  recordOutcome(attempt: SignInAttempt, succeeded: boolean): Promise<void>;
};

export type SignInLimiterOptions = {
  upstash: { url: string; token: string };
  ipLimit: number;
  /** Untrusted attempts per (scope, email) per window, and the failures before delays start. */
  emailLimit: number;
  windowSeconds: number;
  /** Attempts per trusted device per window (default 2 × emailLimit). */
  deviceLimit?: number;
  /** Consecutive untrusted failures an account takes before untrusted clients are refused (default 100, NIST). */
  maxConsecutiveFailures?: number;
  /** Redis budget per check (default 1000 ms; sign-in is not the hot path). */
  timeoutMs?: number;
  /** Redis key prefix (default "rl:signin"). */
  prefix?: string;
};

/** NIST SP 800-63B: no more than 100 consecutive failed attempts on one account. */
export const MAX_CONSECUTIVE_FAILURES = 100;
const MAX_DELAY_SECONDS = 15 * 60;
/** How long a run of failures is remembered without a new one (then the account starts afresh). */
const FAILURE_MEMORY_SECONDS = 24 * 60 * 60;

/** The delay imposed after the `failures`-th consecutive failure (0 below the threshold). */
export function delayAfterFailures(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** Math.min(failures - threshold, 20));
}

/** Builds the limiter; it connects lazily (nothing happens until the first attempt). */
export function createSignInLimiter(options: SignInLimiterOptions): SignInLimiter {
  const timeoutMs = options.timeoutMs ?? 1_000;
  const maxFailures = Math.min(options.maxConsecutiveFailures ?? MAX_CONSECUTIVE_FAILURES, MAX_CONSECUTIVE_FAILURES);
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
  const byDevice = make(options.deviceLimit ?? options.emailLimit * 2, "device");
  const emailKey = (a: SignInAttempt) => `${a.scope}:${a.email.trim().toLowerCase()}`;
  const failuresKey = (a: SignInAttempt) => `${prefix}:failures:${emailKey(a)}`;
  const delayKey = (a: SignInAttempt) => `${prefix}:delay:${emailKey(a)}`;
  const deviceLimit = options.deviceLimit ?? options.emailLimit * 2;
  const deviceFailuresKey = (a: SignInAttempt) => `${prefix}:device-failures:${a.scope}:${a.deviceId ?? ""}`;

  /** Resolves `work`, or null when Redis did not answer properly in time (never throws). */
  async function withinBudget<T>(work: Promise<T>): Promise<T | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        work,
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), timeoutMs + 100);
        }),
      ]);
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
  const limit = async (limiter: Ratelimit, key: string) => {
    const result = await withinBudget(limiter.limit(key));
    return result && result.reason !== "timeout" ? result : null;
  };
  const retryAfter = (resetMs: number) => Math.max(1, Math.ceil((resetMs - Date.now()) / 1000));

  async function consumeTrusted(attempt: SignInAttempt & { deviceId: string }): Promise<SignInLimitResult> {
    const [device, state] = await Promise.all([
      limit(byDevice, `${attempt.scope}:${attempt.deviceId}`),
      withinBudget(redis.get<number>(deviceFailuresKey(attempt)).then((value) => ({ failures: Number(value ?? 0) }))),
    ]);
    if (!device || !state) return { status: "unavailable" };
    const { failures } = state;
    // A device that failed `deviceLimit` times in a row is in lockout: it is an untrusted client again.
    if (failures >= deviceLimit) return consumeUntrusted({ ...attempt, deviceId: null });
    return device.success
      ? { status: "allowed" }
      : { status: "limited", retryAfterSeconds: retryAfter(device.reset), reason: "device" };
  }

  async function consumeUntrusted(attempt: SignInAttempt): Promise<SignInLimitResult> {
    const [ip, email, state] = await Promise.all([
      limit(byIp, `${attempt.scope}:${attempt.ip}`),
      limit(byEmail, emailKey(attempt)),
      withinBudget(
        redis.pipeline().get<number>(failuresKey(attempt)).pttl(delayKey(attempt)).ttl(failuresKey(attempt)).exec(),
      ),
    ]);
    if (!ip || !email || !state) return { status: "unavailable" };
    const [failures, delayMs, failuresTtl] = state as [number | null, number, number];
    const accountWaits: number[] = [];
    if (!email.success) accountWaits.push(retryAfter(email.reset));
    if (delayMs > 0) accountWaits.push(Math.ceil(delayMs / 1000));
    if ((failures ?? 0) >= maxFailures) accountWaits.push(Math.max(1, failuresTtl));
    const waits = ip.success ? accountWaits : [...accountWaits, retryAfter(ip.reset)];
    if (waits.length === 0) return { status: "allowed" };
    // Attributed to the account when its own budget refused: that is the row an operator reads.
    return {
      status: "limited",
      retryAfterSeconds: Math.max(...waits),
      reason: accountWaits.length > 0 ? "account" : "ip",
    };
  }

  return {
    consume(attempt) {
      return attempt.deviceId ? consumeTrusted({ ...attempt, deviceId: attempt.deviceId }) : consumeUntrusted(attempt);
    },
    async recordOutcome(attempt, succeeded) {
      try {
        if (succeeded) {
          await withinBudget(
            Promise.all([
              redis.del(failuresKey(attempt), delayKey(attempt), deviceFailuresKey(attempt)),
              byEmail.resetUsedTokens(emailKey(attempt)),
            ]),
          );
          return;
        }
        if (attempt.deviceId) {
          // A trusted device's failures count toward its own lockout, not the account's; once in
          // lockout it is an untrusted client, whose failures count like anyone's.
          const device = await withinBudget(
            redis
              .pipeline()
              .incr(deviceFailuresKey(attempt))
              .expire(deviceFailuresKey(attempt), FAILURE_MEMORY_SECONDS)
              .exec(),
          );
          if (Number((device as [number, number] | null)?.[0] ?? 0) <= deviceLimit) return;
        }
        const result = await withinBudget(
          redis.pipeline().incr(failuresKey(attempt)).expire(failuresKey(attempt), FAILURE_MEMORY_SECONDS).exec(),
        );
        const failures = Number((result as [number, number] | null)?.[0] ?? 0);
        const delay = delayAfterFailures(failures, options.emailLimit);
        if (delay > 0) await withinBudget(redis.set(delayKey(attempt), "1", { ex: delay }));
      } catch {
        // Best effort: the windows above still bound the attempts.
      }
    },
  };
}
