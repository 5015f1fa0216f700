// The one place @repo/web reads process.env (ESLint enforces it). Parsed lazily on first use so
// `next build` never needs runtime configuration, and eagerly at server start by
// instrumentation.ts. Auth settings (signing keys, issuer, cookie security, revocation, sign-in
// limits, TRUST_FORWARDED_HOST) are read by @repo/auth's own env.ts and reach this app through
// `@repo/auth/settings`, so both sides always agree.
import { createEnv } from "@t3-oss/env-core";
import { LOG_LEVELS } from "@repo/observability";
import { z } from "zod";
import { describeEnvIssues, InvalidEnvError, isValidRootDomain, ROOT_DOMAIN_EXPECTED_FORM } from "@repo/tenancy/host";

const isProduction = () => process.env.NODE_ENV === "production";

function parseWebEnv() {
  const expected = `expected ${ROOT_DOMAIN_EXPECTED_FORM}`;
  const rootDomain = z.string({ error: expected }).refine(isValidRootDomain, expected);
  // Production has no default: an unset ROOT_DOMAIN must not silently become localhost.
  const rootDomainSchema = isProduction() ? rootDomain : rootDomain.default("localhost:3000");
  return createEnv({
    server: {
      /** Tenants live at `<slug>.<ROOT_DOMAIN>`; include the port in dev (`localhost:3000`). Required in production. */
      ROOT_DOMAIN: rootDomainSchema,
      /**
       * Auth.js redirect proxy: the one OAuth callback base for every tenant, on the reserved
       * host. Default `<http|https>://auth.<ROOT_DOMAIN>/api/auth`.
       */
      AUTH_REDIRECT_PROXY_URL: z.url().optional(),
      /** Lowest level written to the JSON logs: debug | info | warn | error | silent. */
      LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      throw new InvalidEnvError(describeEnvIssues(issues, process.env), "@repo/web");
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

/** True while `next build` runs (it sets NODE_ENV=production but has no runtime configuration). */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
