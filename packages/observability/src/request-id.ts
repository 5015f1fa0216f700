// Request ids: the proxy gives every request one (`x-request-id`), forwards it to the route
// handlers and returns it on the response, so a log line, an error body and a user's report
// can be matched. A client- or load-balancer-sent id is kept only when it has a safe shape
// (it ends up in logs and headers); anything else is replaced by a fresh UUID.

export const REQUEST_ID_HEADER = "x-request-id";

const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function isValidRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && SAFE_REQUEST_ID.test(value);
}

/** The incoming id when it is well-formed, else a new random one. */
export function resolveRequestId(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return isValidRequestId(incoming) ? incoming : crypto.randomUUID();
}
