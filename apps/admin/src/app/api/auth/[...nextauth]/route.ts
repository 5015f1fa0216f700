// Auth.js endpoints of the operator console (`/api/auth/csrf`, `/callback/credentials`,
// `/signout`, …). Credential callbacks are audited: every sign-in attempt, failed ones too.
import type { NextRequest } from "next/server";
import { auditSignInAttempt } from "@/server/auth/audit-sign-in-attempt";
import { operatorAuth } from "@/server/auth/operator-auth";

export const dynamic = "force-dynamic";

export const GET = (request: NextRequest) => operatorAuth.handlers.GET(request);

export async function POST(request: NextRequest): Promise<Response> {
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return operatorAuth.handlers.POST(request);
  const form = await request.clone().formData().catch(() => null);
  const response = await operatorAuth.handlers.POST(request);
  const email = form?.get("email");
  await auditSignInAttempt(typeof email === "string" ? email : "", request, response).catch((e: unknown) =>
    console.error("[admin] sign-in audit failed", e),
  );
  return response;
}
