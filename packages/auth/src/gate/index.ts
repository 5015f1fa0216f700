// @repo/auth/gate — the request gate for proxies and edge runtimes. Edge-safe.
export { INTERNAL_HEADER_PREFIX, authorizeRequest, createGate, withoutInternalHeaders, type GateOptions } from "./authorize-request";
export {
  GATE_ERROR_CODES,
  decisionToResponse,
  errorBody,
  type AllowDecision,
  type Decision,
  type DecisionReason,
  type DenyDecision,
  type GateErrorCode,
  type GateTenant,
  type RedirectDecision,
} from "./decision";
export { MAX_SESSION_COOKIE_CANDIDATES, readCookie, readCookieValues, serializeSessionCookie, sessionCookie, type SessionCookie } from "./cookies";
export { pathnameOf, readRequestHost, tenantSlugFromHost } from "./host";
export { createVerifiedTokenCache, type VerifiedTokenCache } from "./token-cache";
