// One line for a CLI failure: an API error's message, or the database's own reason — postgres.js
// puts the server's message, `detail` and `code` on the error (or on its cause, via drizzle).
import { isApiError } from "@repo/api-errors";

export function describeError(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (!(error instanceof Error)) return String(error);
  const parts = [error.message];
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause !== error) parts.push(cause.message);
    if ("detail" in cause && cause.detail) parts.push(String(cause.detail));
  }
  return [...new Set(parts)].join(" — ");
}
