// Tenancy errors. Callers branch on `code` (stable), never on the message. Each carries the
// HTTP status (and the input field) an API answers with, so apps need no mapping table.
import { ApiError, type FieldErrors } from "@repo/api-errors";
import { causeChain } from "./cause-chain";
export type TenancyErrorCode =
  | "slug_invalid"
  | "slug_reserved"
  | "slug_taken"
  | "name_invalid"
  | "tenant_not_found"
  | "tenant_unavailable"
  | "server_not_found"
  | "no_server_available"
  | "invalid_connection_ref"
  | "provisioning_failed"
  | "connection_budget_timeout"
  | "database_timeout"
  | "control_plane_unavailable"
  | "env_invalid";

/** The HTTP status of each code: 4xx for what the caller can fix, 503 for "try again". */
const TENANCY_ERROR_STATUS: Record<TenancyErrorCode, number> = {
  slug_invalid: 400,
  slug_reserved: 400,
  slug_taken: 409,
  name_invalid: 400,
  tenant_not_found: 404,
  tenant_unavailable: 409,
  server_not_found: 400,
  no_server_available: 503,
  invalid_connection_ref: 503,
  provisioning_failed: 503,
  connection_budget_timeout: 503,
  database_timeout: 503,
  control_plane_unavailable: 503,
  env_invalid: 500,
};

export class TenancyError extends ApiError {
  declare readonly code: TenancyErrorCode;
  constructor(code: TenancyErrorCode, message: string, options: { cause?: unknown; fields?: FieldErrors } = {}) {
    super(code, message, { ...options, status: TENANCY_ERROR_STATUS[code] });
  }
}

/** The slug breaks the slug rules (`slug_invalid`) or is reserved (`slug_reserved`). */
export class InvalidSlugError extends TenancyError {
  constructor(code: "slug_invalid" | "slug_reserved", message: string) {
    super(code, message, { fields: { slug: [message] } });
  }
}

export class SlugTakenError extends TenancyError {
  constructor(slug: string) {
    super("slug_taken", `A tenant with the slug "${slug}" already exists (or is being set up). Choose another slug.`, {
      fields: { slug: ["Already taken"] },
    });
  }
}

export class InvalidTenantNameError extends TenancyError {
  constructor() {
    super("name_invalid", "A tenant name is 1–120 characters long.", {
      fields: { name: ["A tenant name is 1–120 characters long."] },
    });
  }
}

export class TenantNotFoundError extends TenancyError {
  constructor(ref: string) {
    super("tenant_not_found", `No tenant "${ref}".`);
  }
}

/** The tenant exists but is being provisioned or deleted, so its database is not routable. */
export class TenantUnavailableError extends TenancyError {
  constructor(ref: string, status: string) {
    super("tenant_unavailable", `Tenant "${ref}" is ${status}; its database is not available.`);
  }
}

export class ServerNotFoundError extends TenancyError {
  constructor(name: string) {
    const message = `No database server named "${name}" is registered. Register it first (registerServer).`;
    super("server_not_found", message, { fields: { server: [message] } });
  }
}

export class NoServerAvailableError extends TenancyError {
  constructor() {
    super(
      "no_server_available",
      "No registered database server has capacity left. Register a server or raise a capacity.",
    );
  }
}

export class InvalidConnectionRefError extends TenancyError {
  constructor(serverName: string, detail: string) {
    super("invalid_connection_ref", `Database server "${serverName}": ${detail}`);
  }
}

/** Provisioning failed and everything it created was removed; safe to retry. */
export class ProvisioningFailedError extends TenancyError {
  constructor(slug: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super("provisioning_failed", `Provisioning "${slug}" failed and was rolled back: ${reason}. It is safe to retry.`, {
      cause,
    });
  }
}

/** No connection capacity freed up within the acquire timeout (every pool was busy). */
export class ConnectionBudgetTimeoutError extends TenancyError {
  constructor(timeoutMs: number) {
    super(
      "connection_budget_timeout",
      `Waited ${timeoutMs} ms for a tenant connection: the connection budget is exhausted by busy pools.`,
    );
  }
}

/** A database did not answer within its time budget (stalled server or network). */
export class DatabaseTimeoutError extends TenancyError {
  constructor(what: string, timeoutMs: number) {
    super("database_timeout", `The ${what} database did not answer within ${timeoutMs} ms.`);
  }
}

/** The control plane could not be read and no recent enough copy of the record was cached. */
export class ControlPlaneUnavailableError extends TenancyError {
  constructor(cause: unknown) {
    super(
      "control_plane_unavailable",
      "The tenant registry (control-plane database) can't be reached right now. Try again in a moment.",
      { cause },
    );
  }
}

/**
 * The TenancyError behind `error`, walking `cause` — drizzle wraps every failure of a query
 * (including routing failures from getTenantDb, e.g. `tenant_not_found`) in DrizzleQueryError.
 */
export function asTenancyError(error: unknown): TenancyError | null {
  for (const current of causeChain(error)) if (current instanceof TenancyError) return current;
  return null;
}

/**
 * A variable is missing or malformed; the message is one line naming it, the value received and
 * the expected form (`describeEnvIssues`). `scope` names the reader (a package or an app).
 */
export class InvalidEnvError extends TenancyError {
  constructor(problems: string, scope = "@repo/tenancy") {
    super("env_invalid", `[${scope}] invalid or missing environment variable: ${problems}. See .env.example.`);
  }
}
