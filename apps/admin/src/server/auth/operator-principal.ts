// Who is calling the admin app, after authentication. Built from a verified operator session
// (cookie, aud "admin") or from an operator API token; never from client-supplied headers.

// The role list is the control-plane schema's own (one definition: @repo/db).
import { OPERATOR_ROLES, type OperatorRole } from "@repo/db/control-plane";

export { OPERATOR_ROLES, type OperatorRole };

export type OperatorPrincipal = {
  operatorId: string;
  email: string;
  role: OperatorRole;
  via: "session" | "api_token";
  /** Set when `via === "api_token"`. */
  tokenId?: string;
  tokenScope?: "read" | "write";
};

/**
 * Mutations need an `owner` operator AND (for API tokens) a `write`-scoped token. A token
 * never grants more than its operator has: a write token minted by a since-demoted operator is
 * read-only.
 */
export function canOperatorWrite(principal: OperatorPrincipal): boolean {
  if (principal.role !== "owner") return false;
  return principal.via === "session" || principal.tokenScope === "write";
}

export function isOperatorRole(value: unknown): value is OperatorRole {
  return typeof value === "string" && (OPERATOR_ROLES as readonly string[]).includes(value);
}
