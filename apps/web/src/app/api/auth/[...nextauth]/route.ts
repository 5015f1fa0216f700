// Auth.js's own endpoints on each tenant host (`/api/auth/csrf`, `/api/auth/callback/credentials`,
// `/api/auth/signout`, …). Every POST needs a same-host Origin here too (the proxy checks it
// first; this is the second line), then credential posts go through the shared brute-force
// limiter (`withSignInLimits`, per (tenant, IP) and (tenant, email): 429 / 503 fail closed).
import type { NextRequest } from "next/server";
import { getSignInLimiter, withSignInLimits } from "@repo/auth/server";
import { apiErrorResponse } from "@/server/api-error";
import { isSameOriginRequest } from "@/server/origin-check";
import { readHost } from "@/server/read-host";
import { tenantAuth } from "@/server/tenant-auth";
import { resolveTenantFromHost } from "@/server/tenant-auth-deps";
import { getRedirectProxy } from "@/server/sso/redirect-proxy";
import { isRedirectProxyHost } from "@/server/sso/redirect-proxy-host";

export const dynamic = "force-dynamic";

const signInWithLimits = withSignInLimits((request) => tenantAuth.handlers.POST(request as NextRequest), {
  limiter: getSignInLimiter,
  scopeKey: async (request) => (await resolveTenantFromHost(readHost(request.headers)))?.id ?? null,
});

export function GET(request: NextRequest): Promise<Response> {
  // The reserved auth host serves only the shared IdP callback (the redirect proxy).
  if (isRedirectProxyHost(readHost(request.headers))) return getRedirectProxy().handle(request);
  return tenantAuth.handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  if (isRedirectProxyHost(readHost(request.headers))) return getRedirectProxy().handle(request);
  if (!isSameOriginRequest({ method: request.method, origin: request.headers.get("origin"), host: readHost(request.headers) })) {
    return apiErrorResponse("forbidden", "This request did not come from this workspace's own pages, so it was refused.");
  }
  if (request.nextUrl.pathname === "/api/auth/callback/credentials") return signInWithLimits(request);
  return tenantAuth.handlers.POST(request);
}
