// Auth settings derived from the environment, in the shape the rest of the package takes as
// arguments. Node only (reads env via env.ts). No instance is kept here: each app's composition
// root calls `loadAuthSettings()` once and passes the result (and what it builds from it) in.
import { loadAuthEnv } from "../env";
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

/** The settings the environment configures (AUTH_*, REVOCATION_*, SIGNIN_RATE_LIMIT_*, UPSTASH_*). */
export function loadAuthSettings(): AuthSettings {
  const env = loadAuthEnv();
  return {
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
}
