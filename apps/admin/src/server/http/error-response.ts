// Serialises any thrown value to the shared JSON error shape. An unreachable database is a 503
// (try again); other unknown errors become a 500 with a generic message: internals (SQL, stack
// traces) never leak to API clients.
import { isDatabaseUnavailable } from "@repo/tenancy";
import { getLogger } from "../logger";
import { ApiError, isApiError } from "./api-error";

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

export function errorResponse(error: ApiError, init?: { headers?: HeadersInit }): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fields) body.error.fields = error.fields;
  // A 503 is "try again": say when (clients and proxies back off instead of hammering).
  const headers = new Headers({ "cache-control": "no-store" });
  if (error.status === 503) headers.set("retry-after", "5");
  new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
  return Response.json(body, { status: error.status, headers });
}

/** Converts anything thrown by a handler into an `ApiError` (logging the unexpected ones). */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (isDatabaseUnavailable(error)) {
    getLogger().error("database unavailable", { error });
    return new ApiError("service_unavailable", "A database can't be reached right now. Try again in a moment.");
  }
  getLogger().error("unexpected error", { error });
  return new ApiError(
    "internal",
    "Something went wrong on our side. Try again; if it persists, check the server logs.",
  );
}
