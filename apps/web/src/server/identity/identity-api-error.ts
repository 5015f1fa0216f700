// IdentityError → the web API's error shape. The HTTP status comes from the identity error;
// the `code` is the API's code for that status; the message says exactly what happened.
import { IdentityError } from "@repo/auth/identity";
import { ApiError, type ApiErrorCode } from "../api-error";

const CODE_FOR_STATUS: Record<number, ApiErrorCode> = {
  400: "invalid_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
  503: "service_unavailable",
};

/** Runs `work`, rethrowing an IdentityError as the matching ApiError. */
export async function withIdentityErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IdentityError) {
      throw new ApiError(CODE_FOR_STATUS[error.status] ?? "invalid_request", error.message, {
        ...(error.status === 503 ? { headers: { "retry-after": "5" } } : {}),
      });
    }
    throw error;
  }
}
