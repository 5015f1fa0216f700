// @repo/auth/gate — the request gate for proxies and edge runtimes. Edge-safe.
export { authorizeRequest, withoutInternalHeaders, type GateOptions } from "./authorize-request";
export {
  decisionToResponse,
  type AllowDecision,
  type Decision,
  type DecisionReason,
  type DenyDecision,
  type GateErrorCode,
  type GateTenant,
  type RedirectDecision,
} from "./decision";
export {
  MAX_SESSION_COOKIE_CANDIDATES,
  readCookie,
  readCookieValues,
  serializeSessionCookie,
  sessionCookie,
  type SessionCookie,
} from "./cookies";
export { readRequestHost } from "./host";
export { createVerifiedTokenCache, type CachedToken, type VerifiedTokenCache } from "./token-cache";
export { verifySession, type RefusedSession, type VerifiedSession, type VerifySessionOptions } from "./verify-session";
export { proxyPort, type ProxyPort } from "./proxy-port";
