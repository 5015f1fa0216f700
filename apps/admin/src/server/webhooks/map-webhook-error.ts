// Maps @repo/webhooks' coded errors to API errors (the wire vocabulary stays lower snake case).
import { isWebhookError } from "@repo/webhooks/endpoints";
import { ApiError } from "../http/api-error";

export function mapWebhookError(error: unknown): unknown {
  if (!isWebhookError(error)) return error;
  switch (error.code) {
    case "invalid_webhook_url":
      return new ApiError("invalid_request", error.message, { url: [error.message] });
    case "invalid_event_type":
      return new ApiError("invalid_request", error.message, { events: [error.message] });
    case "webhook_not_found":
    case "delivery_not_found":
      return new ApiError("not_found", error.message);
    case "delivery_in_flight":
    case "endpoint_disabled":
      return new ApiError("conflict", error.message);
  }
}

/** Runs a webhook operation, rethrowing its coded errors as API errors. */
export async function runWebhookOperation<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw mapWebhookError(error);
  }
}
