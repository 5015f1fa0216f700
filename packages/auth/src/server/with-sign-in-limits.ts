// Wraps Auth.js's `POST /api/auth/callback/credentials` (tenant and operator) with THE brute-force
// limiter, answering like HTTP should: 429 + Retry-After + a friendly message over the limit, 503
// (fail closed) when Redis can't answer: never a silent skip. Node (Next server); the apps' route
// handlers keep their own Origin checks in front of this. Order matters:
// 1. the body is read bounded (413/400 before anything is counted);
// 2. the CSRF token is verified BEFORE counting: a request without Auth.js's token (blind
//    cross-site posts, scripted floods) is refused with 403 and counts against nobody;
// 3. a valid device cookie (this browser signed in to this account before) selects the device's
//    own budget, so an attacker's failures on the account never lock its real user out;
// 4. the limiter decides; Auth.js runs only when allowed; the outcome is recorded; a success
//    issues a fresh device cookie.
import { apiErrorResponse, type ApiErrorCode } from "@repo/api-errors";
import { readAuthBody } from "./read-auth-body";
import { readSignInFields } from "./read-sign-in-email";
import { defaultClientIp } from "./request-context";
import { isCsrfTokenValid, issueDeviceCookie, readTrustedDeviceId, type SignInGuard } from "./sign-in-guard";
import type { SignInAttempt, SignInLimitReason, SignInLimiter, SignInLimitResult } from "./sign-in-limiter";

type Handler = (request: Request) => Promise<Response>;

/** What happened to one attempt: the limiter's verdict (`allowed` means Auth.js answered). */
export type SignInAttemptReport = SignInAttempt & { verdict: SignInLimitResult["status"]; reason?: SignInLimitReason };

export type WithSignInLimitsOptions = {
  /** The limiter, or a getter resolved per request (e.g. the app root's `getSignInLimiter`); null → 503. */
  limiter: SignInLimiter | null | (() => SignInLimiter | null);
  /** The account namespace of this request: a tenant id, or "admin". null → 404. */
  scopeKey: (request: Request) => string | null | Promise<string | null>;
  /**
   * The auth instance's `signInGuard`: CSRF verified before counting, device cookies issued and
   * honoured. Without it (unit tests of the HTTP contract) neither check runs.
   */
  guard?: () => Promise<SignInGuard>;
  /** Default: the hop added by the nearest proxy (last X-Forwarded-For entry), else X-Real-IP. */
  clientIp?: (request: Request) => string | null;
  /** Called once per counted attempt with the final response, refused ones included (e.g. to audit). */
  onAttempt?: (report: SignInAttemptReport, request: Request, response: Response) => Promise<void>;
};

/** Stored and keyed values stay bounded whatever a client sends. */
const MAX_IP_LENGTH = 64;

function jsonError(code: ApiErrorCode, message: string, retryAfterSeconds?: number): Response {
  return apiErrorResponse(
    code,
    message,
    retryAfterSeconds === undefined ? {} : { headers: { "retry-after": String(retryAfterSeconds) } },
  );
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
    location =
      (
        (await response
          .clone()
          .json()
          .catch(() => ({}))) as { url?: string }
      ).url ?? null;
  }
  return Boolean(location) && !/[?&]error=/.test(location!);
}

/** Returns `handler` behind the CSRF check, the device-aware limiter and the outcome recording. */
export function withSignInLimits(handler: Handler, options: WithSignInLimitsOptions): Handler {
  return async (request) => {
    const scope = await options.scopeKey(request);
    if (scope === null) return jsonError("tenant_not_found", "No organisation lives at this address. Check the URL.");
    const body = await readAuthBody(request);
    if (body instanceof Response) return body;
    const fields = readSignInFields(request.headers.get("content-type"), body);
    const forwarded = new Request(request.url, { method: request.method, headers: request.headers, body });

    const guard = options.guard ? await options.guard() : null;
    if (guard && !(await isCsrfTokenValid(request, fields.csrfToken, guard))) {
      return jsonError("csrf_invalid", "This sign-in form has expired. Reload the page and sign in again.");
    }
    const limiter = typeof options.limiter === "function" ? options.limiter() : options.limiter;
    const ip = ((options.clientIp ?? defaultClientIp)(request) || "unknown").slice(0, MAX_IP_LENGTH);
    const deviceId = guard ? await readTrustedDeviceId(request, scope, fields.email, guard) : null;
    const attempt: SignInAttempt = { scope, ip, email: fields.email, ...(deviceId ? { deviceId } : {}) };
    const verdict = limiter ? await limiter.consume(attempt) : ({ status: "unavailable" } as const);

    let response: Response;
    if (verdict.status === "limited") {
      const wait = describeWait(verdict.retryAfterSeconds);
      response = jsonError(
        "rate_limited",
        `Too many sign-in attempts. For your security, please wait ${wait} before trying again.`,
        verdict.retryAfterSeconds,
      );
    } else if (verdict.status === "unavailable") {
      response = jsonError(
        "service_unavailable",
        "Sign-in is briefly unavailable: we can't check sign-in attempt limits right now, so we aren't accepting passwords. Please try again in a minute.",
        30,
      );
    } else {
      response = await handler(forwarded);
      const succeeded = await isSuccessfulSignIn(response);
      await limiter?.recordOutcome(attempt, succeeded);
      if (succeeded && guard && fields.email) {
        response = new Response(response.body, response);
        response.headers.append("set-cookie", await issueDeviceCookie(scope, fields.email, guard));
      }
    }
    const reason = verdict.status === "limited" ? { reason: verdict.reason } : {};
    await options.onAttempt?.({ ...attempt, verdict: verdict.status, ...reason }, request, response);
    return response;
  };
}
