// Classifies a thrown value as "the database cannot be reached right now" — so callers answer
// 503 + Retry-After (try again) instead of a 500 (our bug). Walks `cause` chains: drizzle wraps
// driver errors in DrizzleQueryError, and routing errors arrive the same way.
import { causeChain } from "./cause-chain";
import { TenancyError } from "./errors";

/** Connection-level failures of postgres.js / Node sockets, and Postgres "try later" SQLSTATEs. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up / recovering)
  "53300", // too_many_connections
  "55000", // object_not_in_prerequisite_state: "database … is not currently accepting connections"
  "57014", // query_canceled (statement_timeout)
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  "08006", // connection_failure
]);

/** Tenancy codes that mean "try again": every pool busy past the wait, or no server to route to. */
const UNAVAILABLE_TENANCY_CODES = new Set([
  "connection_budget_timeout",
  "no_server_available",
  "database_timeout",
  "control_plane_unavailable",
]);

/** True when `error` means a database is unreachable or overloaded (transient), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const chain = causeChain(error);
  // A TenancyError anywhere in the chain decides by its code.
  const tenancy = chain.find((link) => link instanceof TenancyError);
  if (tenancy) return UNAVAILABLE_TENANCY_CODES.has(tenancy.code);
  for (const link of chain) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (link instanceof AggregateError && link.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
