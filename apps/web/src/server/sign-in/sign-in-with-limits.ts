// Wraps Auth.js's `POST /api/auth/callback/credentials` with brute-force protection that
// answers like HTTP should: 429 + Retry-After + a friendly message when over the limit, and
// 503 (fail closed) when the limiter can't reach Redis: never a silent skip of the check.
import { apiErrorResponse } from "../api-error";
import { readHost } from "../request-session";
import { resolveTenantFromHost } from "../tenant-auth-deps";
import { getSignInLimiter } from "./get-sign-in-limiter";

type Handler = (request: Request) => Promise<Response>;

/** The client IP as seen by the nearest proxy: last X-Forwarded-For hop, else X-Real-IP. */
function readClientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || request.headers.get("x-real-ip") || "unknown";
}

/**
 * The email Auth.js will authenticate, read exactly as Auth.js reads the body (JSON first, then
 * urlencoded via `Object.fromEntries`, so the LAST duplicate field wins). Reading it any other
 * way (e.g. `formData().get`, the first duplicate) lets a decoy email take the limiter's count
 * while the password guess goes against the real account.
 */
async function readEmail(request: Request): Promise<string> {
  const contentType = request.headers.get("content-type") ?? "";
  let body: unknown;
  try {
    if (contentType.includes("application/json")) body = await request.clone().json();
    else if (contentType.includes("application/x-www-form-urlencoded")) {
      body = Object.fromEntries(new URLSearchParams(await request.clone().text()));
    }
  } catch {
    return "";
  }
  const email = (body as { email?: unknown } | null | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : "";
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** True when Auth.js accepted the credentials (its redirect carries no `error=`). */
async function isSuccessfulSignIn(response: Response): Promise<boolean> {
  let location = response.headers.get("location");
  if (!location && response.ok && (response.headers.get("content-type") ?? "").includes("json")) {
    location = ((await response.clone().json().catch(() => ({}))) as { url?: string }).url ?? null;
  }
  return Boolean(location) && !/[?&]error=/.test(location!);
}

export async function signInWithLimits(request: Request, signIn: Handler): Promise<Response> {
  const tenant = await resolveTenantFromHost(readHost(request.headers));
  if (!tenant) return apiErrorResponse("not_found", "No organisation lives at this address. Check the URL.");
  const email = await readEmail(request);
  const limiter = getSignInLimiter();
  const attempt = { tenantId: tenant.id, ip: readClientIp(request), email };
  const verdict = limiter ? await limiter.consume(attempt) : ({ status: "unavailable" } as const);

  if (verdict.status === "limited") {
    return apiErrorResponse(
      "rate_limited",
      `Too many sign-in attempts. For your security, please wait ${describeWait(verdict.retryAfterSeconds)} before trying again.`,
      { headers: { "retry-after": String(verdict.retryAfterSeconds) } },
    );
  }
  if (verdict.status === "unavailable") {
    return apiErrorResponse(
      "service_unavailable",
      "Sign-in is briefly unavailable: we can't check sign-in attempt limits right now, so we aren't accepting passwords. Please try again in a minute.",
      { headers: { "retry-after": "30" } },
    );
  }

  const response = await signIn(request);
  if (limiter && (await isSuccessfulSignIn(response))) await limiter.clearEmail(attempt);
  return response;
}
