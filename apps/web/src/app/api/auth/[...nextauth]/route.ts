// Auth.js's own endpoints on each tenant host (`/api/auth/csrf`, `/api/auth/callback/credentials`,
// `/api/auth/signout`, …). Credential posts go through the sign-in rate limiter first.
import type { NextRequest } from "next/server";
import { signInWithLimits } from "@/server/sign-in/sign-in-with-limits";
import { tenantAuth } from "@/server/tenant-auth";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest): Promise<Response> {
  return tenantAuth.handlers.GET(request);
}

export function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname === "/api/auth/callback/credentials") {
    return signInWithLimits(request, (r) => tenantAuth.handlers.POST(r as NextRequest));
  }
  return tenantAuth.handlers.POST(request);
}
