// The web app's front door (Next 16 proxy; runs on Node, but the gate it calls is
// web-standard). For every route except static assets: cross-subdomain CSRF check, then the
// @repo/auth gate (tenant from Host, token, revocation, route policy). Allowed requests are
// forwarded with only the verified `x-repo-*` context; everything else is answered here.
import { NextRequest, NextResponse } from "next/server";
import { unavailablePageResponse, withHttpHardening } from "@repo/auth/http";
import { observeProxy } from "@repo/observability";
import { serializeSessionCookie, withoutInternalHeaders, type Decision, type GateErrorCode } from "@repo/auth/gate";
import { authorizeWithFreshTenant } from "@/server/authorize-with-fresh-tenant";
import { getGateOptions, getSecurityHeaderSettings } from "@/server/gate-options";
import { apiErrorResponse } from "@repo/api-errors";
import { isSameOriginRequest } from "@/server/origin-check";
import { readHost } from "@/server/read-host";
import { isRedirectProxyHost } from "@/server/sso/redirect-proxy-host";
import { getLogger } from "@/server/logger";
import { touchSessionLastUse } from "@/server/identity/touch-session-last-use";
import { isTenantDatabaseAvailable } from "@/server/tenant-database-health";

/** Page requests the gate denies are rendered by these pages (URL unchanged, real status). */
const PAGE_FOR_DENIAL: Partial<Record<GateErrorCode, string>> = {
  forbidden: "/status/forbidden",
  tenant_not_found: "/status/tenant-not-found",
  tenant_suspended: "/status/suspended",
};

const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

async function handleRequest(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  // Compared with the host the gate takes the tenant from (X-Forwarded-Host only when trusted).
  const host = readHost(request.headers);
  // The reserved auth host has no tenant and no session: only the IdP callback route answers there.
  if (isRedirectProxyHost(host)) {
    if (pathname.startsWith("/api/auth/callback/"))
      return NextResponse.next({ request: { headers: withoutInternalHeaders(request.headers) } });
    return apiErrorResponse("not_found", "There is nothing to see on this address.");
  }
  if (!isSameOriginRequest({ method: request.method, origin: request.headers.get("origin"), host })) {
    return apiErrorResponse(
      "forbidden",
      "This request did not come from this workspace's own pages, so it was refused.",
    );
  }

  const decision = await authorizeWithFreshTenant(request, getGateOptions(), host);
  if (decision.type === "allow" && decision.reason === "authorized" && !isApiPath(pathname)) {
    // A page cannot become a 503 once its shell has streamed: check the tenant's database first.
    if (!(await isTenantDatabaseAvailable(decision.tenant.id))) {
      return unavailablePageResponse("This workspace's data can't be reached right now.", 5);
    }
  }
  if (decision.type === "allow") {
    touchSessionLastUse(decision.claims);
    const response = NextResponse.next({ request: { headers: decision.requestHeaders } });
    if (decision.setCookie) response.headers.append("set-cookie", serializeSessionCookie(decision.setCookie));
    return response;
  }
  if (decision.type === "redirect") return redirectOnTenantHost(request, decision, host);
  return renderDenial(request, decision, isApiPath(pathname));
}

/**
 * The gate's redirect, made absolute on the tenant host the client used (Next requires an
 * absolute Location from a proxy, and `request.url` names the bind host, not the tenant).
 * The gate only produces same-host relative locations, and the host was validated as a tenant.
 */
function redirectOnTenantHost(
  request: NextRequest,
  decision: Extract<Decision, { type: "redirect" }>,
  host: string | null,
): Response {
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol = forwardedProto === "https" ? "https:" : request.nextUrl.protocol;
  const response = NextResponse.redirect(new URL(decision.location, `${protocol}//${host}`), decision.status);
  response.headers.set("cache-control", "no-store");
  if (decision.clearCookie) response.headers.append("set-cookie", serializeSessionCookie(decision.clearCookie));
  return response;
}

function renderDenial(request: NextRequest, decision: Extract<Decision, { type: "deny" }>, isApi: boolean): Response {
  const page = PAGE_FOR_DENIAL[decision.code];
  let response: Response;
  if (!isApi && page) {
    const headers = withoutInternalHeaders(request.headers);
    response = NextResponse.rewrite(new URL(page, request.url), { request: { headers } });
  } else if (isApi || decision.status !== 503) {
    response = apiErrorResponse(decision.code, decision.message, {
      ...(decision.status === 503 ? { headers: { "retry-after": "1" } } : {}),
    });
  } else {
    response = unavailablePageResponse(decision.message, 1);
  }
  if (decision.clearCookie) response.headers.append("set-cookie", serializeSessionCookie(decision.clearCookie));
  return response;
}

/** Request id (`x-request-id`, also in JSON error bodies) and one JSON access-log line per request. */
export const proxy = observeProxy(
  // Malformed targets → 400, a CSP nonce for the renderer, security headers on every answer.
  withHttpHardening(handleRequest, {
    settings: getSecurityHeaderSettings,
    withHeaders: (request, headers) => new NextRequest(request, { headers }),
  }),
  { logger: getLogger, withHeaders: (request, headers) => new NextRequest(request, { headers }) },
);

export const config = {
  // Everything except build assets and the favicon goes through the gate.
  // Health endpoints skip the proxy: public, unlogged (balancers poll them), no session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health/).*)"],
};
