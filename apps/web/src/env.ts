// The one place @repo/web reads process.env (ESLint enforces it). Parsed lazily on first use so
// `next build` never needs runtime configuration. Auth settings (signing keys, issuer, cookie
// security, revocation, sign-in limits, TRUST_FORWARDED_HOST) are read by @repo/auth's own
// env.ts and reach this app through `@repo/auth/settings`, so both sides always agree.
import { createEnv } from "@t3-oss/env-core";
import { LOG_LEVELS } from "@repo/observability";
import { z } from "zod";

function parseWebEnv() {
  return createEnv({
    server: {
      /** Tenants live at `<slug>.<ROOT_DOMAIN>`; include the port in dev (`localhost:3000`). */
      ROOT_DOMAIN: z.string().min(1).default("localhost:3000"),
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
