// Wraps an app's proxy (web-standard): refuses malformed request targets with a 400 before any
// route decodes them, gives the page renderer a fresh CSP nonce (request headers `x-nonce` and
// `content-security-policy`, which Next reads), and sets the security headers on whatever the
// proxy answers — pass-through, rewrite, redirect or error, page or API.
import { apiErrorResponse } from "@repo/api-errors";
import { findRequestTargetProblem } from "./request-target";
import {
  applySecurityHeaders,
  buildContentSecurityPolicy,
  createNonce,
  type SecurityHeaderOptions,
} from "./security-headers";

export type HttpHardeningOptions<R extends Request> = {
  /** Resolved per request (settings are read lazily, never at import). */
  settings: () => SecurityHeaderOptions;
  /** The same request with `headers` (e.g. `new NextRequest(request, { headers })`). */
  withHeaders: (request: R, headers: Headers) => R;
};

/** Request headers that carry the nonce to the renderer; a client's own values are replaced. */
export const NONCE_HEADER = "x-nonce";

const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

export function withHttpHardening<R extends Request>(
  handler: (request: R) => Promise<Response>,
  options: HttpHardeningOptions<R>,
): (request: R) => Promise<Response> {
  return async (request) => {
    const settings = options.settings();
    const nonce = createNonce();
    const csp = buildContentSecurityPolicy(nonce, settings);
    const problem = findRequestTargetProblem(request.url);
    if (problem) {
      const isApi = isApiPath(new URL(request.url).pathname.toLowerCase());
      const response = isApi
        ? apiErrorResponse("invalid_request", problem)
        : new Response(`Bad request: ${problem}\n`, {
            status: 400,
            headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
          });
      return applySecurityHeaders(response, csp, settings);
    }
    const headers = new Headers(request.headers);
    headers.set(NONCE_HEADER, nonce);
    headers.set("content-security-policy", csp);
    const response = await handler(options.withHeaders(request, headers));
    return applySecurityHeaders(response, csp, settings);
  };
}
