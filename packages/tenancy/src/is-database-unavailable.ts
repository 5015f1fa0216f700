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
]);

/** Tenancy codes that mean "try again": every pool busy past the wait, or no server to route to. */
const UNAVAILABLE_TENANCY_CODES = new Set(["connection_budget_timeout", "no_server_available"]);

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
