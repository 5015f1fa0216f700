// Anything a handler threw → an ApiError. Internals (SQL, stack traces) never reach a client:
// an unknown error is a 500 with a generic message, and the caller logs it. An ApiError wrapped
// as a `cause` (drizzle wraps every query failure, routing errors included) still answers as itself.
import { ApiError } from "./api-error";

export type ToApiErrorOptions = {
  /** True for a dependency that can't be reached (a database down): a 503 "try again". */
  isUnavailable?: (error: unknown) => boolean;
  /** Called with every error that was not an ApiError (log it). */
  onUnexpected?: (error: unknown, kind: "unavailable" | "internal") => void;
};

export function toApiError(error: unknown, options: ToApiErrorOptions = {}): ApiError {
  const coded = findApiError(error);
  if (coded) return coded;
  if (options.isUnavailable?.(error)) {
    options.onUnexpected?.(error, "unavailable");
    return new ApiError("service_unavailable", "A database can't be reached right now. Try again in a moment.");
  }
  options.onUnexpected?.(error, "internal");
  return new ApiError(
    "internal",
    "Something went wrong on our side. Try again; if it persists, check the server logs.",
  );
}

/** The first ApiError along `error`'s cause chain (bounded: a cyclic chain ends the walk). */
function findApiError(error: unknown): ApiError | null {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof ApiError) return current;
    current = current.cause;
  }
  return null;
}
