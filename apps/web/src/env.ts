// The one place @repo/web reads process.env (ESLint enforces it). Parsed lazily on first use so
// `next build` never needs runtime secrets; everything else receives these values as arguments.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((value) => value === "true" || value === "1");

function parseWebEnv() {
  return createEnv({
    server: {
      NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
      /** Tenants live at `<slug>.<ROOT_DOMAIN>`; include the port in dev (`localhost:3000`). */
      ROOT_DOMAIN: z.string().min(1).default("localhost:3000"),
      /** Private signing JWK set, `{"keys":[...]}` (`pnpm auth:keys generate`). */
      AUTH_SIGNING_KEYS: z.string().min(1),
      /** Auth.js secret (CSRF token hashing); tokens themselves are signed with AUTH_SIGNING_KEYS. */
      AUTH_SECRET: z.string().min(16),
      AUTH_ISSUER: z.string().min(1).default("repo-auth"),
      /** Idle lifetime of a session token in seconds (re-issued while in use). */
      AUTH_SESSION_MAX_AGE: z.coerce.number().int().min(60).default(8 * 60 * 60),
      /** Absolute cap from sign-in, in seconds, whatever `exp` says. */
      AUTH_ABSOLUTE_SESSION_CAP: z.coerce.number().int().min(60).default(7 * 24 * 60 * 60),
      UPSTASH_REDIS_REST_URL: z.url(),
      UPSTASH_REDIS_REST_TOKEN: z.string().min(1),
      REVOCATION_FAIL_MODE: z.enum(["open", "closed"]).default("closed"),
      REVOCATION_TIMEOUT_MS: z.coerce.number().int().min(10).max(5_000).default(250),
      /** Only behind a proxy that overwrites X-Forwarded-Host; otherwise clients could pick a tenant. */
      TRUST_FORWARDED_HOST: booleanString,
      /** Sign-in attempts per (tenant, IP) and per (tenant, email) in SIGNIN_RATE_LIMIT_WINDOW. */
      SIGNIN_RATE_LIMIT_IP: z.coerce.number().int().min(1).default(30),
      SIGNIN_RATE_LIMIT_EMAIL: z.coerce.number().int().min(1).default(5),
      /** @upstash/ratelimit duration, e.g. "15 m", "60 s". */
      SIGNIN_RATE_LIMIT_WINDOW: z
        .string()
        .regex(/^\d+\s?(ms|s|m|h|d)$/, 'Use a duration like "15 m" or "60 s"')
        .default("15 m"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      const names = [...new Set(issues.map((issue) => issue.path?.map(String).join(".") ?? "?"))].join(", ");
      console.error(`[@repo/web] invalid or missing environment variable: ${names} (see .env.example)`);
      throw new Error(`Invalid environment variable: ${names}`);
    },
  });
}

export type WebEnv = ReturnType<typeof parseWebEnv>;

let cached: WebEnv | undefined;

/** The validated environment (parsed once, on first call). */
export function getEnv(): WebEnv {
  cached ??= parseWebEnv();
  return cached;
}
