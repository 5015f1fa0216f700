// Wraps an app's proxy: gives the request its id (kept from a well-formed `x-request-id`,
// else fresh), forwards it to the route handlers as `x-request-id`, returns it on the response
// (and inside JSON error bodies), and writes one access-log line per request. The path is
// logged without its query string, and no header is logged: query strings and cookies carry
// tokens. Framework-neutral: the app passes how to re-create its request type with new headers.
import type { Logger } from "./logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "./request-id";

export function observeProxy<R extends Request>(
  proxy: (request: R) => Promise<Response>,
  options: { logger: () => Logger; withHeaders: (request: R, headers: Headers) => R },
): (request: R) => Promise<Response> {
  return async (request) => {
    const startedAt = Date.now();
    const requestId = resolveRequestId(request.headers);
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    const log = options.logger().child({ requestId });
    let response: Response;
    try {
      response = await attachRequestId(await proxy(options.withHeaders(request, headers)), requestId);
    } catch (error) {
      log.error("proxy failed", { method: request.method, path: new URL(request.url).pathname, error });
      throw error;
    }
    log.info("request", {
      method: request.method,
      host: request.headers.get("host"),
      path: new URL(request.url).pathname,
      ...describeOutcome(response),
      ms: Date.now() - startedAt,
    });
    return response;
  };
}

/**
 * What the proxy did: passed the request on (`next`), rendered another page for it (`rewrite`,
 * e.g. a denial page whose status the page sets), or answered itself with `status`.
 */
function describeOutcome(response: Response): { outcome: "next" | "rewrite" | "answered"; status?: number } {
  if (response.headers.has("x-middleware-rewrite")) return { outcome: "rewrite" };
  if (response.headers.has("x-middleware-next")) return { outcome: "next" };
  return { outcome: "answered", status: response.status };
}

/**
 * Sets `x-request-id` on the response and, for a JSON error (`{ error: {...} }`), adds
 * `error.requestId` so a user can quote it. Other responses pass through untouched.
 */
export async function attachRequestId(response: Response, requestId: string): Promise<Response> {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
  } catch {
    // Immutable headers (e.g. `Response.redirect`): copy the response.
    const headers = new Headers(response.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const isJsonError =
    response.status >= 400 && (response.headers.get("content-type") ?? "").includes("application/json");
  if (!isJsonError) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: Record<string, unknown> } | null;
  if (!body?.error || typeof body.error !== "object") return response;
  body.error.requestId = requestId;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers });
}

/** Wraps a route handler so its error responses carry the request id the proxy assigned. */
export function withRequestIdOnErrors<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const response = await handler(request, ...rest);
    return response.ok ? response : attachRequestId(response, resolveRequestId(request.headers));
  };
}
