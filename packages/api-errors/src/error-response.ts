// THE error response of both apps (route handlers, proxies, Auth.js wrappers):
// `{ error: { code, message, fields? } }`, `cache-control: no-store`, `retry-after` on a 503.
import {
  API_ERROR_CODE_FOR_STATUS,
  API_ERROR_STATUS,
  isApiErrorCode,
  type ApiErrorCode,
  type ApiErrorStatus,
} from "./api-error-codes";
import type { ApiError, ApiErrorOptions } from "./api-error";
import type { FieldErrors } from "./field-errors";

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; fields?: FieldErrors } };

/** A 503 says when to come back, so clients and proxies back off instead of hammering. */
const DEFAULT_RETRY_AFTER_SECONDS = "5";

/**
 * The public code an error answers with: its own code when that is a public code with the same
 * status, else the public code for its status (`slug_taken` → `conflict`).
 */
export function toPublicCode(error: Pick<ApiError, "code" | "status">): ApiErrorCode {
  if (isApiErrorCode(error.code) && API_ERROR_STATUS[error.code] === error.status) return error.code;
  return (
    API_ERROR_CODE_FOR_STATUS[error.status as ApiErrorStatus] ?? (error.status < 500 ? "invalid_request" : "internal")
  );
}

/** The JSON error response for a public code (`apiErrorResponse("not_found", "No project …")`). */
export function apiErrorResponse(
  code: ApiErrorCode,
  message: string,
  options: Omit<ApiErrorOptions, "cause"> = {},
): Response {
  return buildResponse(code, API_ERROR_STATUS[code], message, options);
}

/** The JSON error response for a thrown `ApiError` (or subclass). */
export function errorResponse(error: ApiError, init: { headers?: Record<string, string> } = {}): Response {
  return buildResponse(toPublicCode(error), error.status, error.message, {
    ...(error.fields ? { fields: error.fields } : {}),
    headers: { ...error.headers, ...init.headers },
  });
}

function buildResponse(
  code: ApiErrorCode,
  status: number,
  message: string,
  options: Omit<ApiErrorOptions, "cause">,
): Response {
  const body: ApiErrorBody = { error: { code, message, ...(options.fields ? { fields: options.fields } : {}) } };
  const headers = new Headers({ "cache-control": "no-store" });
  if (status === 503) headers.set("retry-after", DEFAULT_RETRY_AFTER_SECONDS);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return Response.json(body, { status, headers });
}
