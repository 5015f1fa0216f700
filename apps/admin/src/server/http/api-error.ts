// The admin API's one error type. Route handlers throw it; `withOperator` turns it into the
// shared error shape `{ error: { code, message, fields? } }` — same codes and shape as the
// tenant app (apps/web/src/server/api-error.ts), so one client can handle both.
// Callers branch on `code`, never on `message`.

export const API_ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** Field-level messages for a 400, keyed by the input path (`"permissions.0"`). */
export type ApiErrorFields = Record<string, string[]>;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly fields: ApiErrorFields | undefined;

  constructor(code: ApiErrorCode, message: string, fields?: ApiErrorFields) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = API_ERROR_STATUS[code];
    this.fields = fields;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
