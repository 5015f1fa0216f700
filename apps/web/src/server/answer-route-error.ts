// What a web route handler answers when it throws: the error's own code and status (ApiError and
// the package errors extending it), 503 + Retry-After when a database can't be reached, else a
// logged 500 with a generic message.
import { errorResponse, toApiError } from "@repo/api-errors";
import { REQUEST_ID_HEADER } from "@repo/observability";
import { isDatabaseUnavailable } from "@repo/tenancy";
import { getLogger } from "./logger";

export function answerRouteError(error: unknown, request: Request): Response {
  const apiError = toApiError(error, {
    isUnavailable: isDatabaseUnavailable,
    onUnexpected: (cause, kind) =>
      getLogger().error(kind === "unavailable" ? "database unavailable" : "route handler failed", {
        requestId: request.headers.get(REQUEST_ID_HEADER),
        error: cause,
      }),
  });
  return errorResponse(apiError);
}
