// Errors of webhook management, each with a stable lower_snake_case `code` callers branch on.
export const WEBHOOK_ERROR_CODES = [
  "invalid_webhook_url",
  "invalid_event_type",
  "webhook_not_found",
  "delivery_not_found",
  "delivery_in_flight",
  "endpoint_disabled",
] as const;
export type WebhookErrorCode = (typeof WEBHOOK_ERROR_CODES)[number];

export class WebhookError extends Error {
  readonly code: WebhookErrorCode;
  constructor(code: WebhookErrorCode, message: string) {
    super(message);
    this.name = "WebhookError";
    this.code = code;
  }
}

export function isWebhookError(value: unknown): value is WebhookError {
  return value instanceof WebhookError;
}
