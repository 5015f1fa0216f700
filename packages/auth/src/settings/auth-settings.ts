// Auth settings derived from the environment, in the shape the rest of the package takes as
// arguments. Node only (reads env via env.ts).
import { loadAuthEnv } from "../env";
import {
  createRevocationRedis,
  createRevocationStore,
  createSnapshotRevocationStore,
  type RevocationStore,
  type SnapshotRevocationStore,
} from "../revocation/index";
import { isProductionDeployment } from "./signing-keys";

export type AuthSettings = {
  issuer: string;
  /** Idle lifetime of a token (s); Auth.js re-signs on use. */
  sessionMaxAge: number;
  /** Absolute session cap from sign-in (s). */
  absoluteSessionCap: number;
  secureCookies: boolean;
  trustForwardedHost: boolean;
  revocationFailMode: "open" | "closed";
  revocationTimeoutMs: number;
  signInRateLimit: { ip: number; email: number; windowSeconds: number; prefix: string };
  upstash: { url: string; token: string } | null;
  /** Explicit AUTH_SECRET (CSRF hashing) or null to derive it from the signing keys. */
  secret: string | null;
};

let cached: AuthSettings | undefined;
export function getAuthSettings(): AuthSettings {
  if (cached) return cached;
  const env = loadAuthEnv();
  cached = {
    issuer: env.AUTH_ISSUER,
    sessionMaxAge: env.AUTH_SESSION_MAX_AGE,
    absoluteSessionCap: env.AUTH_ABSOLUTE_SESSION_CAP,
    secureCookies: env.AUTH_COOKIE_SECURE ?? isProductionDeployment(),
    trustForwardedHost: env.TRUST_FORWARDED_HOST,
    revocationFailMode: env.REVOCATION_FAIL_MODE,
    revocationTimeoutMs: env.REVOCATION_TIMEOUT_MS,
    signInRateLimit: {
      ip: env.SIGNIN_RATE_LIMIT_IP,
      email: env.SIGNIN_RATE_LIMIT_EMAIL,
      windowSeconds: env.SIGNIN_RATE_LIMIT_WINDOW,
      prefix: env.SIGNIN_RATE_LIMIT_PREFIX,
    },
    upstash:
      env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN
        ? { url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN }
        : null,
    secret: env.AUTH_SECRET ?? null,
  };
  return cached;
}

// One snapshot per process: Next bundles the proxy and the route handlers separately, so a
// module-level variable would give each bundle its own copy (two pollers, two slow paths).
const STORE_KEY = Symbol.for("@repo/auth/revocation-store");
const processGlobal = globalThis as { [STORE_KEY]?: SnapshotRevocationStore };

/**
 * The revocation store configured from env (UPSTASH_REDIS_REST_URL/TOKEN, REVOCATION_*): the
 * local snapshot (background poller) over the Redis store. Starts loading at first call.
 */
export function getRevocationStore(): RevocationStore {
  const existing = processGlobal[STORE_KEY];
  if (existing) return existing;
  const s = getAuthSettings();
  if (!s.upstash)
    throw new Error(
      "[@repo/auth] UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN are required for session revocation",
    );
  // Each check still waits at most REVOCATION_TIMEOUT_MS (the store's own budget); the client's
  // abort is wider so log pulls, writes and sign-in's clock read aren't cut at 50 ms.
  const redis = createRevocationRedis({ ...s.upstash, timeoutMs: Math.max(s.revocationTimeoutMs, 1_000) });
  const source = createRevocationStore({
    redis,
    timeoutMs: s.revocationTimeoutMs,
    failMode: s.revocationFailMode,
    maxSessionAgeSeconds: s.absoluteSessionCap,
  });
  const store = createSnapshotRevocationStore({ redis, source, mode: "background", failMode: s.revocationFailMode });
  processGlobal[STORE_KEY] = store;
  void store.start();
  return store;
}
