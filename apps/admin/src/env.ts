// The admin app's own environment, validated once on first use (never at import, so
// `next build` needs no secrets) and eagerly at server start by instrumentation.ts. Auth
// settings (issuer, keys, cookie security, rate limits, the Redis time budget) are read by
// @repo/auth/settings and tenancy's by @repo/tenancy; this file holds the rest.
// ESLint bans `process.env` elsewhere. A bad variable stops with one line naming it, the value
// received and the expected form.
import { createEnv } from "@t3-oss/env-core";
import { LOG_LEVELS } from "@repo/observability";
import { z } from "zod";
import { describeEnvIssues, InvalidEnvError, isValidRootDomain, ROOT_DOMAIN_EXPECTED_FORM } from "@repo/tenancy/host";

const ORIGIN_EXPECTED_FORM =
  'an origin like "https://admin.example.com" or "http://localhost:3001" (scheme and host, no path or trailing slash)';

/** True for `scheme://host[:port]` exactly as URL serialises an origin (lower case, no path). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

function parseAdminEnv() {
  const isProduction = process.env.NODE_ENV === "production";
  const expected = `expected ${ROOT_DOMAIN_EXPECTED_FORM}`;
  const rootDomain = z.string({ error: expected }).refine(isValidRootDomain, expected);
  const adminOrigin = z
    .string({ error: `expected ${ORIGIN_EXPECTED_FORM}` })
    .refine(isOrigin, `expected ${ORIGIN_EXPECTED_FORM}`);
  // Production has no defaults: an unset value must not silently become localhost.
  const rootDomainSchema = isProduction ? rootDomain : rootDomain.default("localhost:3000");
  const adminOriginSchema = isProduction ? adminOrigin : adminOrigin.default("http://localhost:3001");
  return createEnv({
    server: {
      UPSTASH_REDIS_REST_URL: z.url({ error: "expected the https:// URL of the Upstash REST endpoint" }),
      UPSTASH_REDIS_REST_TOKEN: z.string({ error: "expected the Upstash REST token" }).min(1),
      /** Root domain of tenant hosts, used to print tenant URLs in the console. Required in production. */
      ROOT_DOMAIN: rootDomainSchema,
      /** The console's public origin: the only Host it answers (host allow-list). Required in production. */
      ADMIN_ORIGIN: adminOriginSchema,
      /** Lowest level written to the JSON logs: debug | info | warn | error | silent. */
      LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
      /** Days a new operator API token lives when the request does not say (1–365). */
      ADMIN_API_TOKEN_DEFAULT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
      /** Dev/tests/E2E only: accept http:// and private or loopback webhook URLs (never in production). */
      WEBHOOK_ALLOW_PRIVATE_URLS: z
        .enum(["true", "false"])
        .default("false")
        .transform((v) => v === "true"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      throw new InvalidEnvError(describeEnvIssues(issues, process.env), "@repo/admin");
    },
  });
}

export type AdminEnv = ReturnType<typeof parseAdminEnv>;

let cached: AdminEnv | undefined;

export function loadAdminEnv(): AdminEnv {
  cached ??= parseAdminEnv();
  return cached;
}

/** True while `next build` runs (it sets NODE_ENV=production but has no runtime configuration). */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
