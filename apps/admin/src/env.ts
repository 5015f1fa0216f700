// The admin app's own environment, validated once on first use (never at import, so
// `next build` needs no secrets). Auth settings (issuer, keys, cookie security, rate limits)
// are read by @repo/auth/settings and tenancy's by @repo/tenancy; this file holds the rest.
// ESLint bans `process.env` elsewhere. A bad variable stops with one line naming it.
import { createEnv } from "@t3-oss/env-core";
import { LOG_LEVELS } from "@repo/observability";
import { z } from "zod";

function parseAdminEnv() {
  return createEnv({
    server: {
      UPSTASH_REDIS_REST_URL: z.url(),
      UPSTASH_REDIS_REST_TOKEN: z.string().min(1),
      /** Root domain of tenant hosts, used to print tenant URLs in the console. */
      ROOT_DOMAIN: z.string().min(1).default("localhost:3000"),
      /** Lowest level written to the JSON logs: debug | info | warn | error | silent. */
      LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
      /** Days a new operator API token lives when the request does not say (1–365). */
      ADMIN_API_TOKEN_DEFAULT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
      /** Time budget (ms) for the console's revocation writes/listings (not the request hot path). */
      ADMIN_REVOCATION_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(3000),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      const names = [...new Set(issues.map((i) => i.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".") ?? "?"))].join(", ");
      console.error(`[admin] invalid or missing environment variable: ${names} (see .env.example)`);
      throw new Error(`Invalid environment variable: ${names}`);
    },
  });
}

export type AdminEnv = ReturnType<typeof parseAdminEnv>;

let cached: AdminEnv | undefined;

export function loadAdminEnv(): AdminEnv {
  cached ??= parseAdminEnv();
  return cached;
}
