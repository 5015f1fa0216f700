// The web app's front door (Next 16 proxy; runs on Node, but everything it imports is
// web-standard — test/proxy-import-graph.test.ts follows its imports transitively and refuses a
// DB driver, next-auth/@auth/core or a `node:` module). For every route except static assets:
// cross-subdomain CSRF check, then the @repo/auth gate (tenant from Host, token, revocation,
// route policy). Allowed requests are forwarded with only the verified `x-repo-*` context;
// everything else is answered here. The Node-side capabilities (tenant lookup, claims refresh,
// tenant DB health, session last-use) come from the app's composition root, registered at
// server start (instrumentation.ts → server/register-proxy-runtime.ts); until they are, 503.
import { type NextRequest, NextResponse } from "next/server";
import { apiErrorResponse } from "@repo/api-errors";
import { createFrontDoor, unavailablePageResponse } from "@repo/auth/http";
import {
  authorizeRequest,
  readRequestHost,
  serializeSessionCookie,
  withoutInternalHeaders,
  type Decision,
  type GateErrorCode,
  type GateOptions,
} from "@repo/auth/gate";
import { isSameOriginRequest } from "@/server/origin-check";
import { proxyRuntimePort, type ProxyRuntime } from "@/server/proxy-runtime";

/** Page requests the gate denies are rendered by these pages (URL unchanged, real status). */
const PAGE_FOR_DENIAL: Partial<Record<GateErrorCode, string>> = {
  forbidden: "/status/forbidden",
  tenant_not_found: "/status/tenant-not-found",
  tenant_suspended: "/status/suspended",
};

const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/**
 * One request, once the runtime is registered. Passed-on requests carry `forward` (the front
 * door's request id and CSP nonce) on top of their own headers, without a copy of the request.
 */
async function handleRequest(request: NextRequest, runtime: ProxyRuntime, forward: Headers): Promise<Response> {
  const { pathname } = request.nextUrl;
  // Compared with the host the gate takes the tenant from (X-Forwarded-Host only when trusted).
  const host = readRequestHost(request.headers, runtime.gate.trustForwardedHost ?? false);
  // The reserved auth host has no tenant and no session: only the IdP callback route answers there.
  if (host !== null && host.toLowerCase() === runtime.redirectProxyHost) {
    if (pathname.startsWith("/api/auth/callback/"))
      return NextResponse.next({ request: { headers: withoutInternalHeaders(request.headers, forward) } });
    return apiErrorResponse("not_found", "There is nothing to see on this address.");
  }
  if (!isSameOriginRequest({ method: request.method, origin: request.headers.get("origin"), host })) {
    return apiErrorResponse(
      "forbidden",
      "This request did not come from this workspace's own pages, so it was refused.",
    );
  }

  const decision = await authorizeWithFreshTenant(request, runtime, host);
  if (decision.type === "allow" && decision.reason === "authorized" && !isApiPath(pathname)) {
    // A page cannot become a 503 once its shell has streamed: check the tenant's database first.
    if (!(await runtime.isTenantDatabaseAvailable(decision.tenant.id))) {
      return unavailablePageResponse("This workspace's data can't be reached right now.", 5);
    }
  }
  if (decision.type === "allow") {
    if (decision.claims) runtime.touchSessionLastUse(decision.claims);
    const response = NextResponse.next({ request: { headers: decision.requestHeaders(forward) } });
    if (decision.setCookie) response.headers.append("set-cookie", serializeSessionCookie(decision.setCookie));
    return response;
  }
  if (decision.type === "redirect") return redirectOnTenantHost(request, decision, host);
  return renderDenial(request, decision, isApiPath(pathname), forward);
}

/**
 * Runs the gate, and re-runs it once with a freshly read tenant when the token died by a
 * tenant-wide revocation (suspension or kill switch). The tenant registry cache is per process
 * (TTL `TENANT_CACHE_TTL_MS`): the admin app that suspended a tenant invalidated only its own
 * cache. Without this, a suspended tenant's users would see the sign-in page until the TTL ran
 * out instead of the suspended page on their next request. Costs one control-plane read, only
 * on that (rare) decision.
 */
async function authorizeWithFreshTenant(
  request: Request,
  runtime: ProxyRuntime,
  host: string | null,
): Promise<Decision> {
  const options: GateOptions = runtime.gate;
  const decision = await authorizeRequest(request, options);
  if (decision.type === "allow" || decision.reason !== "revoked:tenant" || !host) return decision;
  const slug = options.parseTenantSlug(host, options.rootDomain);
  if (!slug) return decision;
  runtime.invalidateTenant(slug);
  return authorizeRequest(request, options);
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

function renderDenial(
  request: NextRequest,
  decision: Extract<Decision, { type: "deny" }>,
  isApi: boolean,
  forward: Headers,
): Response {
  const page = PAGE_FOR_DENIAL[decision.code];
  let response: Response;
  if (!isApi && page) {
    const headers = withoutInternalHeaders(request.headers, forward);
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

/**
 * Request id (`x-request-id`, also in JSON error bodies) and one JSON access-log line per
 * request; malformed targets → 400, a CSP nonce for the renderer, security headers on every
 * answer; 503 until the composition root registered the runtime.
 */
export const proxy = createFrontDoor({ service: "web", port: proxyRuntimePort, handle: handleRequest });

export const config = {
  // Everything except build assets and the favicon goes through the gate.
  // Health endpoints skip the proxy: public, unlogged (balancers poll them), no session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health/).*)"],
};
