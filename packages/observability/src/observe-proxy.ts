// Wraps an app's proxy: gives the request its id (kept from a well-formed `x-request-id`,
// else fresh), forwards it to the route handlers as `x-request-id`, returns it on the response
// (and inside JSON error bodies), and writes one access-log line per request. The path is
// logged without its query string, and no header is logged: query strings and cookies carry
// tokens. Framework-neutral, and it never copies the request: what the handlers behind the proxy
// must receive goes into `forward`, which the proxy sets on the request it passes on.
import type { Logger } from "./logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "./request-id";

/**
 * A proxy stage. `forward` holds the headers the proxy's stages add for the handlers behind it;
 * the stage that passes the request on sets them on the forwarded request (over client values).
 */
export type ProxyStage<R extends Request> = (request: R, forward: Headers) => Promise<Response>;

export function observeProxy<R extends Request>(
  proxy: ProxyStage<R>,
  options: { logger: () => Logger },
): (request: R) => Promise<Response> {
  return async (request) => {
    const startedAt = Date.now();
    const requestId = resolveRequestId(request.headers);
    const forward = new Headers({ [REQUEST_ID_HEADER]: requestId });
    const log = options.logger().child({ requestId });
    const path = new URL(request.url).pathname;
    let response: Response;
    try {
      response = await attachRequestId(await proxy(request, forward), requestId);
    } catch (error) {
      log.error("proxy failed", { method: request.method, path, error });
      throw error;
    }
    log.info("request", {
      method: request.method,
      host: request.headers.get("host"),
      path,
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
