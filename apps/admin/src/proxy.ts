// The admin app's front door (Next 16 proxy; Node runtime, web-standard code). Every request:
// a Host other than ADMIN_ORIGIN's gets 421; client-sent `x-repo-*` headers are stripped; public
// routes pass; `/api/v1/*` with a Bearer token passes to the handler (which verifies the token
// hash in the control plane); otherwise a valid, unrevoked operator session cookie (aud "admin")
// is required: pages redirect to /signin, APIs get a 401 JSON. A tenant's page whose database
// refuses connections gets a real 503 page (Retry-After), as in web — asked through the port.
// Tenant tokens never validate here. An active operator's session slides: past half its idle
// lifetime the cookie is re-issued (same sid/auth_time, within the absolute cap) — see
// slide-operator-session.ts.
// Web-standard like the tenant proxy (test/proxy-import-graph.test.ts follows its imports
// transitively: no DB driver, no next-auth/@auth/core, no `node:` module). Its Node-side options
// are registered at server start (instrumentation.ts → server/auth/register-proxy-runtime.ts);
// until they are, 503.
import { type NextRequest, NextResponse } from "next/server";
import { apiErrorResponse } from "@repo/api-errors";
import { createFrontDoor, unavailablePageResponse } from "@repo/auth/http";
import { readRequestHost, serializeSessionCookie, sessionCookie, withoutInternalHeaders } from "@repo/auth/gate";
import { checkOperatorToken } from "@/server/auth/check-operator-token";
import { adminProxyRuntimePort, type AdminProxyRuntime } from "@/server/auth/proxy-runtime";
import { slideOperatorSession } from "@/server/auth/slide-operator-session";
import { isAllowedHost } from "@/server/http/is-allowed-host";

const PUBLIC_PATHS = [/^\/signin\/?$/, /^\/api\/auth(?:\/.*)?$/];

/** One request, once the runtime is registered; passed-on requests carry `forward` (request id, nonce). */
async function handleRequest(request: NextRequest, runtime: AdminProxyRuntime, forward: Headers): Promise<Response> {
  const { pathname } = request.nextUrl;
  const pass = () => NextResponse.next({ request: { headers: withoutInternalHeaders(request.headers, forward) } });
  const { options } = runtime;
  // Host allow-list first: nothing (not even sign-in) is served for a host other than ADMIN_ORIGIN's.
  if (!isAllowedHost(readRequestHost(request.headers, options.trustForwardedHost), options.adminOrigin)) {
    return apiErrorResponse(
      "host_not_allowed",
      "This host does not serve the operator console. Use the console's own address.",
    );
  }

  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return pass();
  const isApi = pathname.startsWith("/api/");
  if (isApi && /^Bearer\s/i.test(request.headers.get("authorization") ?? "")) return pass();

  const check = await checkOperatorToken(request.headers.get("cookie"), options);
  if (check.status === "valid") {
    // A tenant's page whose database is down: a real 503 now, not an error inside a streamed 200.
    if (!isApi) {
      const availability = await runtime.checkTenantPageAvailability(pathname);
      if (!availability.ok) return unavailablePageResponse(availability.message, availability.retryAfterSeconds);
    }
    const response = pass();
    const slid = await slideOperatorSession(check.claims, options);
    if (slid)
      response.headers.append(
        "set-cookie",
        serializeSessionCookie(sessionCookie(options.cookieName, slid.token, slid.maxAge)),
      );
    return response;
  }
  if (check.status === "unavailable") {
    return apiErrorResponse(
      "service_unavailable",
      "Sessions can't be verified right now (Redis). Try again in a moment.",
      { headers: { "retry-after": "1" } },
    );
  }
  if (isApi) {
    return apiErrorResponse("unauthenticated", "Sign in to the operator console or send an operator API token.");
  }
  const signin = new URL("/signin", options.adminOrigin);
  if (pathname !== "/") signin.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
  return NextResponse.redirect(signin);
}

/**
 * Request id (`x-request-id`, also in JSON error bodies) and one JSON access-log line per
 * request; malformed targets → 400, a CSP nonce for the renderer, security headers on every
 * answer; 503 until the composition root registered the runtime.
 */
export const proxy = createFrontDoor({ service: "admin", port: adminProxyRuntimePort, handle: handleRequest });

export const config = {
  // Health endpoints skip the proxy: public, unlogged (balancers poll them), no session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health/).*)"],
};
