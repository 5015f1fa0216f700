// The one place @repo/auth reads process.env. Parsed lazily (first request), never at import:
// `next build` runs with NODE_ENV=production and must not need signing keys.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const booleanString = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const UNIT_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** Seconds, or an @upstash/ratelimit-style duration ("15 m", "30s", "1 h"). */
const durationSeconds = z
  .string()
  .regex(/^\d+\s*(ms|s|m|h|d)?$/, 'Use seconds or a duration like "15 m"')
  .transform((v) => {
    const [, n, unit] = /^(\d+)\s*(ms|s|m|h|d)?$/.exec(v)!;
    return Math.max(1, Math.round(Number(n) * UNIT_SECONDS[(unit ?? "s") as keyof typeof UNIT_SECONDS]));
  });

function parseAuthEnv() {
  return createEnv({
    server: {
      NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
      AUTH_SIGNING_KEYS: z.string().min(2).optional(),
      AUTH_SECRET: z.string().min(16).optional(),
      AUTH_ISSUER: z.string().min(1).default("repo-auth"),
      AUTH_SESSION_MAX_AGE: z.coerce
        .number()
        .int()
        .min(60)
        .default(8 * 60 * 60),
      AUTH_ABSOLUTE_SESSION_CAP: z.coerce
        .number()
        .int()
        .min(300)
        .default(7 * 24 * 60 * 60),
      AUTH_COOKIE_SECURE: booleanString.optional(),
      REVOCATION_FAIL_MODE: z.enum(["open", "closed"]).default("closed"),
      REVOCATION_TIMEOUT_MS: z.coerce.number().int().min(1).max(5_000).default(50),
      TRUST_FORWARDED_HOST: booleanString.default(false),
      UPSTASH_REDIS_REST_URL: z.url().optional(),
      UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
      SIGNIN_RATE_LIMIT_IP: z.coerce.number().int().min(1).default(20),
      SIGNIN_RATE_LIMIT_EMAIL: z.coerce.number().int().min(1).default(5),
      SIGNIN_RATE_LIMIT_WINDOW: durationSeconds.default(60),
      SIGNIN_RATE_LIMIT_PREFIX: z
        .string()
        .regex(/^[A-Za-z0-9:_-]{1,64}$/, "Use letters, digits, : _ -")
        .default("rl:signin"),
      SSO_SECRET_KEY: z
        .string()
        .regex(/^[A-Za-z0-9_-]{43}$/, "32 bytes, base64url (openssl rand -base64 32 | tr '+/' '-_' | tr -d =)")
        .optional(),
      AUTH_GOOGLE_ID: z.string().min(1).optional(),
      AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
      AUTH_GITHUB_ID: z.string().min(1).optional(),
      AUTH_GITHUB_SECRET: z.string().min(1).optional(),
      SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
      MAIL_FROM: z.string().min(3).optional(),
      INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
      PASSWORD_RESET_RATE_LIMIT_EMAIL: z.coerce.number().int().min(1).default(3),
      PASSWORD_RESET_RATE_LIMIT_IP: z.coerce.number().int().min(1).default(20),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      const names = [...new Set(issues.map((issue) => issue.path?.map(String).join(".") ?? "?"))].join(", ");
      console.error(`[@repo/auth] invalid environment variable: ${names} (see .env.example)`);
      throw new Error(`Invalid environment variable: ${names}`);
    },
  });
}

export type AuthEnv = ReturnType<typeof parseAuthEnv>;

let cached: AuthEnv | undefined;
/** The validated auth environment (parsed once, on first call). */
export function loadAuthEnv(): AuthEnv {
  cached ??= parseAuthEnv();
  return cached;
}

/** The process working directory, for locating the repo root (dev key persistence). */
export function currentDirectory(): string {
  return process.cwd();
}
