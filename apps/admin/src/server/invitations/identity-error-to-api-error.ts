import { IdentityError } from "@repo/auth/identity";
import { ApiError, type ApiErrorCode } from "../http/api-error";

const CODE_FOR_STATUS: Record<number, ApiErrorCode> = {
  400: "invalid_request",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  503: "service_unavailable",
};

/** Runs `work`, rethrowing an IdentityError (@repo/auth/identity) as the admin API's ApiError. */
export async function withIdentityErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IdentityError)
      throw new ApiError(CODE_FOR_STATUS[error.status] ?? "invalid_request", error.message);
    throw error;
  }
}
