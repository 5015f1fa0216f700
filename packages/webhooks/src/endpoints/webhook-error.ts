// Errors of webhook management, each with a stable lower_snake_case `code` callers branch on.
// A WebhookError is an ApiError: it carries the HTTP status (and input field) an API answers with.
import { ApiError } from "@repo/api-errors";

export const WEBHOOK_ERROR_CODES = [
  "invalid_webhook_url",
  "invalid_event_type",
  "webhook_not_found",
  "delivery_not_found",
  "delivery_in_flight",
  "endpoint_disabled",
] as const;
export type WebhookErrorCode = (typeof WEBHOOK_ERROR_CODES)[number];

const WEBHOOK_ERROR_HTTP: Record<WebhookErrorCode, { status: number; field?: string }> = {
  invalid_webhook_url: { status: 400, field: "url" },
  invalid_event_type: { status: 400, field: "events" },
  webhook_not_found: { status: 404 },
  delivery_not_found: { status: 404 },
  delivery_in_flight: { status: 409 },
  endpoint_disabled: { status: 409 },
};

export class WebhookError extends ApiError {
  declare readonly code: WebhookErrorCode;
  constructor(code: WebhookErrorCode, message: string) {
    const { status, field } = WEBHOOK_ERROR_HTTP[code];
    super(code, message, { status, ...(field ? { fields: { [field]: [message] } } : {}) });
  }
}

export function isWebhookError(value: unknown): value is WebhookError {
  return value instanceof WebhookError;
}
