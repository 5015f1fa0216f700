// THE error class of the platform's HTTP APIs. Route handlers throw it; packages extend it with
// their own lower snake-case codes and statuses (`TenancyError`, `IdentityError`, …), so no app
// keeps a table mapping package errors to API errors. Web-standard (runs in the proxies too).
import { API_ERROR_STATUS, type ApiErrorCode } from "./api-error-codes";
import type { FieldErrors } from "./field-errors";

export type ApiErrorOptions = {
  /** Per-field messages (400s): keyed by input path, see `flattenIssues`. */
  fields?: FieldErrors;
  /** Extra response headers, e.g. `retry-after` on a 429. */
  headers?: Record<string, string>;
  cause?: unknown;
};

export class ApiError extends Error {
  /** Stable, lower snake case; a public code (`conflict`) or a package's own (`slug_taken`). */
  readonly code: string;
  /** The HTTP status the error answers with. */
  readonly status: number;
  readonly fields: FieldErrors | undefined;
  readonly headers: Record<string, string> | undefined;

  /** A public code: its status comes from `API_ERROR_STATUS`. */
  constructor(code: ApiErrorCode, message: string, options?: ApiErrorOptions);
  /** A package's own code (subclasses): the status is stated. */
  constructor(code: string, message: string, options: ApiErrorOptions & { status: number });
  constructor(code: string, message: string, options: ApiErrorOptions & { status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status ?? API_ERROR_STATUS[code as ApiErrorCode] ?? 500;
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
