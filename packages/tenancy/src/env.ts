// The one place @repo/tenancy reads process.env. Parsed lazily (first use of the default
// instance), so importing the package never fails a build that lacks the variables.
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { InvalidEnvError } from "./errors";
import { describeEnvIssues } from "./host/describe-env-issues";

function parseTenancyEnv() {
  // Tenant roles' passwords are derived from it: required in production (no silent dev value).
  const secret = z
    .string({ error: "expected a random secret of at least 32 characters" })
    .min(32, "expected at least 32 characters");
  const tenantRoleSecretSchema = process.env.NODE_ENV === "production" ? secret : secret.optional();
  return createEnv({
    server: {
      DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "expected a postgres:// URL" }),
      TENANT_POOL_MAX: z.coerce.number().int().min(1).max(50).default(3),
      TENANT_POOL_IDLE_TIMEOUT: z.coerce.number().int().min(1).default(30),
      TENANT_CONNECTION_BUDGET: z.coerce.number().int().min(1).default(60),
      TENANT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5_000),
      TENANT_DB_ROLE_SECRET: tenantRoleSecretSchema,
      DATABASE_CONNECT_TIMEOUT: z.coerce.number().int().min(1).max(60).default(3),
      DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
      TENANT_LOOKUP_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1_000),
      TENANT_STALE_IF_ERROR_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
    // One line naming each bad variable; callers (CLIs, Next) print the message once.
    onValidationError: (issues) => {
      throw new InvalidEnvError(describeEnvIssues(issues, process.env));
    },
  });
}

export type TenancyEnv = ReturnType<typeof parseTenancyEnv>;

let cached: TenancyEnv | undefined;
export function loadTenancyEnv(): TenancyEnv {
  cached ??= parseTenancyEnv();
  return cached;
}

/**
 * Resolves an `env:NAME` server connection reference. Any variable name may be used (one per
 * registered server, e.g. `DATABASE_URL_2`); it must be set in every process that routes there.
 */
export function readConnectionEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === "" ? undefined : value;
}

/** Parses the variables above now (e.g. at server startup); throws InvalidEnvError (one line). */
export function assertTenancyEnv(): void {
  loadTenancyEnv();
}
