// Wraps Auth.js's `POST /api/auth/callback/credentials` (tenant and operator) with THE brute-force
// limiter, answering like HTTP should: 429 + Retry-After + a friendly message over the limit, 503
// (fail closed) when Redis can't answer: never a silent skip. Node (Next server); the apps' route
// handlers keep their own Origin checks in front of this.
import { errorBody } from "../gate/index";
import { readSignInEmail } from "./read-sign-in-email";
import { defaultClientIp } from "./request-context";
import type { SignInAttempt, SignInLimiter, SignInLimitResult } from "./sign-in-limiter";

type Handler = (request: Request) => Promise<Response>;

/** What happened to one attempt: the limiter's verdict (`allowed` means Auth.js answered). */
export type SignInAttemptReport = SignInAttempt & { verdict: SignInLimitResult["status"] };

export type WithSignInLimitsOptions = {
  /** The limiter, or a getter resolved per request (e.g. `getSignInLimiter`); null → 503. */
  limiter: SignInLimiter | null | (() => SignInLimiter | null);
  /** The account namespace of this request: a tenant id, or "admin". null → 404. */
  scopeKey: (request: Request) => string | null | Promise<string | null>;
  /** Default: the hop added by the nearest proxy (last X-Forwarded-For entry), else X-Real-IP. */
  clientIp?: (request: Request) => string | null;
  /** Called once per attempt with the final response, refused ones included (e.g. to audit). */
  onAttempt?: (report: SignInAttemptReport, request: Request, response: Response) => Promise<void>;
};

function jsonError(status: number, code: string, message: string, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (retryAfterSeconds !== undefined) headers["retry-after"] = String(retryAfterSeconds);
  return Response.json(errorBody(code, message), { status, headers });
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

/**
 * Returns `handler` behind the limiter. Every attempt consumes a token per (scope, IP) and per
 * (scope, email) BEFORE the password is checked, the email read exactly as Auth.js reads it; a
 * successful sign-in clears the email window.
 */
export function withSignInLimits(handler: Handler, options: WithSignInLimitsOptions): Handler {
  return async (request) => {
    const scope = await options.scopeKey(request);
    if (scope === null) return jsonError(404, "tenant_not_found", "No organisation lives at this address. Check the URL.");
    const limiter = typeof options.limiter === "function" ? options.limiter() : options.limiter;
    const attempt: SignInAttempt = {
      scope,
      ip: (options.clientIp ?? defaultClientIp)(request) || "unknown",
      email: await readSignInEmail(request),
    };
    const verdict = limiter ? await limiter.consume(attempt) : ({ status: "unavailable" } as const);

    let response: Response;
    if (verdict.status === "limited") {
      const wait = describeWait(verdict.retryAfterSeconds);
      response = jsonError(
        429,
        "rate_limited",
        `Too many sign-in attempts. For your security, please wait ${wait} before trying again.`,
        verdict.retryAfterSeconds,
      );
    } else if (verdict.status === "unavailable") {
      response = jsonError(
        503,
        "service_unavailable",
        "Sign-in is briefly unavailable: we can't check sign-in attempt limits right now, so we aren't accepting passwords. Please try again in a minute.",
        30,
      );
    } else {
      response = await handler(request);
      if (limiter && (await isSuccessfulSignIn(response))) await limiter.clearEmail(attempt);
    }
    await options.onAttempt?.({ ...attempt, verdict: verdict.status }, request, response);
    return response;
  };
}
