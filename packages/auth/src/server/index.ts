// @repo/auth/server — Node only: password hashing, the Auth.js instances (tenant + operator),
// server-side session checks, the sign-in brute-force limiter (`withSignInLimits`) and the JWKS
// route helper.
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
} from "./errors";
export {
  createSignInLimiter,
  type SignInAttempt,
  type SignInLimitResult,
  type SignInLimiter,
  type SignInLimiterOptions,
} from "./sign-in-limiter";
export { getSignInLimiter } from "./get-sign-in-limiter";
export { withSignInLimits, type SignInAttemptReport, type WithSignInLimitsOptions } from "./with-sign-in-limits";
export { jwksResponse } from "./jwks-response";
export { defaultClientIp } from "./request-context";
export type {
  AuthTenant,
  AuthUserRecord,
  CommonAuthDeps,
  OperatorAuthDeps,
  SessionRecord,
  TenantAuthDeps,
  TenantSsoHooks,
} from "./types";
