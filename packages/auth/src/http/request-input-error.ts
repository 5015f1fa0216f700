// The one error class for refused request input (web-standard): a 400 or a 413 the apps answer
// as they are (`errorResponse`).
import { ApiError, type FieldErrors } from "@repo/api-errors";

export type RequestInputErrorCode = "invalid_request" | "payload_too_large";

export class RequestInputError extends ApiError {
  declare readonly code: RequestInputErrorCode;
  constructor(code: RequestInputErrorCode, message: string, fields?: FieldErrors) {
    super(code, message, fields ? { fields } : {});
  }
}
