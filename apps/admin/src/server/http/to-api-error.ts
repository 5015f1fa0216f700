// Anything an admin handler threw → the ApiError it answers with (@repo/api-errors' `toApiError`
// with the console's logger): an unreachable database is a 503, other unknown errors a logged 500.
import { toApiError as toApiErrorWith, type ApiError } from "@repo/api-errors";
import { isDatabaseUnavailable } from "@repo/tenancy";
import { getLogger } from "../logger";

export function toApiError(error: unknown): ApiError {
  return toApiErrorWith(error, {
    isUnavailable: isDatabaseUnavailable,
    onUnexpected: (cause, kind) =>
      getLogger().error(kind === "unavailable" ? "database unavailable" : "unexpected error", { error: cause }),
  });
}
