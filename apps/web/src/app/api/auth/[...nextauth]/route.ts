// Auth.js's own endpoints on each tenant host (`/api/auth/csrf`, `/api/auth/callback/credentials`,
// `/api/auth/signout`, …). Every POST needs a same-host Origin here too (the proxy checks it
// first; this is the second line), then credential posts go through the shared brute-force
// limiter (`withSignInLimits`, per (tenant, IP) and (tenant, email): 429 / 503 fail closed).
import { NextRequest } from "next/server";
import { defaultClientIp, readAuthBody, readSignInFields, withSignInLimits } from "@repo/auth/server";
import { apiErrorResponse } from "@repo/api-errors";
import { isSameOriginRequest } from "@/server/origin-check";
import { readHost } from "@/server/read-host";
import { tenantAuth } from "@/server/tenant-auth";
import { resolveTenantFromHost } from "@/server/tenant-auth-deps";
import { getRedirectProxy } from "@/server/sso/redirect-proxy";
import { isRedirectProxyHost } from "@/server/sso/redirect-proxy-host";
import { getPasswordResetLimiter, getSignInLimiter } from "@/server/web-root";

export const dynamic = "force-dynamic";

const signInWithLimits = withSignInLimits((request) => tenantAuth.handlers.POST(request as NextRequest), {
  limiter: getSignInLimiter,
  guard: tenantAuth.signInGuard,
  scopeKey: async (request) => (await resolveTenantFromHost(readHost(request.headers)))?.id ?? null,
});

const EMAIL_CALLBACK = "/api/auth/callback/nodemailer";

export function GET(request: NextRequest): Promise<Response> {
  // The reserved auth host serves only the shared IdP callback (the redirect proxy).
  if (isRedirectProxyHost(readHost(request.headers))) return getRedirectProxy().handle(request);
  // A sign-in link is consumed only by the confirm page's POST: a GET (a mail scanner, a
  // prefetch, an old-style link) is sent to that page with the same query, burning nothing.
  if (request.nextUrl.pathname === EMAIL_CALLBACK) {
    return Promise.resolve(
      new Response(null, {
        status: 303,
        headers: { location: `/signin/email${request.nextUrl.search}`, "cache-control": "no-store" },
      }),
    );
  }
  return tenantAuth.handlers.GET(request);
}

/** Asking for a sign-in link: per (tenant, email) and (tenant, IP) limits, like password resets. */
async function requestSignInLink(request: NextRequest): Promise<Response> {
  const tenant = await resolveTenantFromHost(readHost(request.headers));
  if (!tenant) return apiErrorResponse("not_found", "No organisation lives at this address. Check the URL.");
  // Read once, bounded (16 KiB, form media types only), then handed on to Auth.js unchanged.
  const body = await readAuthBody(request);
  if (body instanceof Response) return body;
  const { email } = readSignInFields(request.headers.get("content-type"), body);
  const limiter = getPasswordResetLimiter();
  const verdict = limiter
    ? await limiter.consume({ scope: tenant.id, ip: defaultClientIp(request) ?? "unknown", email })
    : ({ status: "unavailable" } as const);
  if (verdict.status === "limited") {
    return apiErrorResponse(
      "rate_limited",
      "Too many sign-in links asked for. Wait a few minutes, then check your inbox.",
      {
        headers: { "retry-after": String(verdict.retryAfterSeconds) },
      },
    );
  }
  if (verdict.status === "unavailable") {
    return apiErrorResponse("service_unavailable", "Sign-in links are briefly unavailable. Try again in a minute.", {
      headers: { "retry-after": "30" },
    });
  }
  return tenantAuth.handlers.POST(
    new NextRequest(request.url, { method: request.method, headers: request.headers, body }),
  );
}

export async function POST(request: NextRequest): Promise<Response> {
  if (isRedirectProxyHost(readHost(request.headers))) return getRedirectProxy().handle(request);
  if (
    !isSameOriginRequest({
      method: request.method,
      origin: request.headers.get("origin"),
      host: readHost(request.headers),
    })
  ) {
    return apiErrorResponse(
      "forbidden",
      "This request did not come from this workspace's own pages, so it was refused.",
    );
  }
  if (request.nextUrl.pathname === "/api/auth/callback/credentials") return signInWithLimits(request);
  if (request.nextUrl.pathname === "/api/auth/signin/nodemailer") return requestSignInLink(request);
  return tenantAuth.handlers.POST(request);
}
