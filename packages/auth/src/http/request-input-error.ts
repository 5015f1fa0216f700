// The one error class for refused request input (web-standard). Apps map `code` onto their
// JSON error shape; `status` is the HTTP answer.

export type RequestInputErrorCode = "invalid_request" | "payload_too_large";

const STATUS: Record<RequestInputErrorCode, 400 | 413> = { invalid_request: 400, payload_too_large: 413 };

export class RequestInputError extends Error {
  readonly status: 400 | 413;
  constructor(
    readonly code: RequestInputErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "RequestInputError";
    this.status = STATUS[code];
  }
}
