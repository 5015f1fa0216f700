// A proxy stage (web-standard): refuses malformed request targets with a 400 before any route
// decodes them, gives the page renderer a fresh CSP nonce (request headers `x-nonce` and
// `content-security-policy`, which Next reads, added to what the proxy forwards), and sets the
// security headers on whatever the proxy answers — pass-through, rewrite, redirect or error,
// page or API.
import { apiErrorResponse } from "@repo/api-errors";
import type { ProxyStage } from "@repo/observability";
import { findRequestTargetProblem } from "./request-target";
import {
  applySecurityHeaders,
  buildContentSecurityPolicy,
  createNonce,
  type SecurityHeaderOptions,
} from "./security-headers";

export type HttpHardeningOptions = {
  /** Resolved per request (settings are read lazily, never at import). */
  settings: () => SecurityHeaderOptions;
};

/** Request headers that carry the nonce to the renderer; a client's own values are replaced. */
export const NONCE_HEADER = "x-nonce";

const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

export function withHttpHardening<R extends Request>(
  handler: ProxyStage<R>,
  options: HttpHardeningOptions,
): ProxyStage<R> {
  return async (request, forward) => {
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
    forward.set(NONCE_HEADER, nonce);
    forward.set("content-security-policy", csp);
    const response = await handler(request, forward);
    return applySecurityHeaders(response, csp, settings);
  };
}
