// Auth.js endpoints of the operator console (`/api/auth/csrf`, `/callback/credentials`,
// `/signout`, …). Credential posts go through the shared brute-force limiter (scope "admin":
// 429 + Retry-After over the limit, 503 fail closed) and every attempt is audited, refused ones too.
// Every POST (sign-in, sign-out) must come from the console's own pages (login/logout CSRF from a
// sibling subdomain), on top of Auth.js's CSRF token.
import type { NextRequest } from "next/server";
import { OPERATOR_AUDIENCE, withSignInLimits } from "@repo/auth/server";
import { auditSignInAttempt } from "@/server/auth/audit-sign-in-attempt";
import { apiErrorResponse } from "@repo/api-errors";
import { isCrossOriginRequest } from "@/server/http/is-cross-origin-request";
import { operatorAuth } from "@/server/auth/operator-auth";
import { getSettings, getSignInLimiter } from "@/server/admin-root";

export const dynamic = "force-dynamic";

const signInWithLimits = withSignInLimits((request) => operatorAuth.handlers.POST(request as NextRequest), {
  limiter: getSignInLimiter,
  guard: operatorAuth.signInGuard,
  scopeKey: () => OPERATOR_AUDIENCE,
  onAttempt: (report, request, response) =>
    auditSignInAttempt(report, request, response).catch((e: unknown) =>
      console.error("[admin] sign-in audit failed", e),
    ),
});

export const GET = (request: NextRequest) => operatorAuth.handlers.GET(request);

export async function POST(request: NextRequest): Promise<Response> {
  if (isCrossOriginRequest(request, getSettings().trustForwardedHost)) {
    return apiErrorResponse("forbidden", "Sign-in and sign-out must come from the console's own pages.");
  }
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return operatorAuth.handlers.POST(request);
  return signInWithLimits(request);
}
