// The one JSON error shape of the web API (the stable API contract in the root README):
//   { error: { code, message, fields? } } with 400/401/403/404/409/413/429/503.
// Callers branch on `code`; `message` is for humans and says what to do.

export const API_ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  tenant_suspended: 403,
  tenant_not_found: 404,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

/** zod issues as `fields`: messages keyed by the input path (`"name"`, `"items.0"`), `_` for the root. */
export function toFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; fields?: FieldErrors };
}

/** A failure a route handler can throw; `toApiResponse` turns it into the JSON shape. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly fields: FieldErrors | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ApiErrorCode,
    message: string,
    options: { fields?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = API_ERROR_STATUS[code];
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

/** Builds the JSON error response (web-standard `Response`, usable from the proxy). */
export function apiErrorResponse(
  code: ApiErrorCode,
  message: string,
  options: { fields?: FieldErrors; headers?: Record<string, string> } = {},
): Response {
  const body: ApiErrorBody = { error: { code, message, ...(options.fields ? { fields: options.fields } : {}) } };
  return Response.json(body, {
    status: API_ERROR_STATUS[code],
    headers: { "cache-control": "no-store", ...options.headers },
  });
}

export function toApiResponse(error: ApiError): Response {
  return apiErrorResponse(error.code, error.message, {
    ...(error.fields ? { fields: error.fields } : {}),
    ...(error.headers ? { headers: error.headers } : {}),
  });
}
