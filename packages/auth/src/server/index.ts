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
  MAX_CONSECUTIVE_FAILURES,
  createSignInLimiter,
  delayAfterFailures,
  type SignInAttempt,
  type SignInLimitReason,
  type SignInLimitResult,
  type SignInLimiter,
  type SignInLimiterOptions,
} from "./sign-in-limiter";
export { createSignInLimiterFromSettings } from "./create-sign-in-limiter-from-settings";
export { withSignInLimits, type SignInAttemptReport, type WithSignInLimitsOptions } from "./with-sign-in-limits";
export type { SignInGuard } from "./sign-in-guard";
export { jwksResponse } from "./jwks-response";
export { normalizeAbsoluteFormRequests, normalizeAbsoluteFormTarget } from "./normalize-absolute-form-requests";
export { defaultClientIp } from "./request-context";
export { readSignInFields } from "./read-sign-in-email";
export { readAuthBody } from "./read-auth-body";
export type {
  AuthTenant,
  AuthUserRecord,
  CommonAuthDeps,
  OperatorAuthDeps,
  SessionRecord,
  TenantAuthDeps,
  TenantSsoHooks,
  EmailSignInDeps,
} from "./types";
