// @repo/auth/server — Node only: password hashing, the Auth.js instances (tenant + operator),
// server-side session checks, the sign-in rate limiter and the JWKS route helper.
export { hashPassword, verifyPassword } from "./password";
export { createTenantAuth, type TenantAuth } from "./create-tenant-auth";
export { OPERATOR_AUDIENCE, createOperatorAuth, type OperatorAuth } from "./create-operator-auth";
export type { ServerSession } from "./session-helpers";
export {
  AuthRequestError,
  PermissionDeniedError,
  RevocationUnavailableError,
  SessionRequiredError,
  TenantNotFoundError,
  authErrorResponse,
} from "./errors";
export {
  createSignInRateLimiter,
  type SignInRateLimitResult,
  type SignInRateLimiter,
  type SignInRateLimiterOptions,
} from "./sign-in-rate-limiter";
export { jwksResponse } from "./jwks-response";
export type { AuthTenant, AuthUserRecord, CommonAuthDeps, OperatorAuthDeps, SessionRecord, TenantAuthDeps } from "./types";
