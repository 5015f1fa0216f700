// Auth.js's own endpoints on each tenant host (`/api/auth/csrf`, `/api/auth/callback/credentials`,
// `/api/auth/signout`, …). Every POST needs a same-host Origin here too (the proxy checks it
// first; this is the second line), then credential posts go through the sign-in rate limiter.
import type { NextRequest } from "next/server";
import { apiErrorResponse } from "@/server/api-error";
import { isSameOriginRequest } from "@/server/origin-check";
import { readHost } from "@/server/request-session";
import { signInWithLimits } from "@/server/sign-in/sign-in-with-limits";
import { tenantAuth } from "@/server/tenant-auth";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest): Promise<Response> {
  return tenantAuth.handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  if (!isSameOriginRequest({ method: request.method, origin: request.headers.get("origin"), host: readHost(request.headers) })) {
    return apiErrorResponse("forbidden", "This request did not come from this workspace's own pages, so it was refused.");
  }
  if (request.nextUrl.pathname === "/api/auth/callback/credentials") {
    return signInWithLimits(request, (r) => tenantAuth.handlers.POST(r as NextRequest));
  }
  return tenantAuth.handlers.POST(request);
}
