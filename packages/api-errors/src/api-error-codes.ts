// The wire vocabulary of both apps' JSON errors: every public `code` and its HTTP status.
// Codes are lower snake case; clients branch on them, never on `message`.

export const API_ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_invalid: 403,
  tenant_suspended: 403,
  not_found: 404,
  tenant_not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  /** The console answers only on its own host (421 Misdirected Request). */
  host_not_allowed: 421,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export type ApiErrorStatus = (typeof API_ERROR_STATUS)[ApiErrorCode];

/**
 * The public code for a status: what a package error with its own code (`slug_taken`,
 * `invitation_expired`, …) answers on the wire. The one status → code mapping of the platform.
 */
export const API_ERROR_CODE_FOR_STATUS: Record<ApiErrorStatus, ApiErrorCode> = {
  400: "invalid_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  421: "host_not_allowed",
  429: "rate_limited",
  500: "internal",
  503: "service_unavailable",
};

/** A stable error code: lower snake case (`slug_taken`, `token_expired`), nothing else. */
export const ERROR_CODE_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export function isApiErrorCode(value: string): value is ApiErrorCode {
  return Object.hasOwn(API_ERROR_STATUS, value);
}
