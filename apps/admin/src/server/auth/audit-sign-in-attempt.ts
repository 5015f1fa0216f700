// Appends one audit entry per operator sign-in attempt: successful, failed, and refused by the
// brute-force limiter (outcome `rate_limited`, so a guessing run shows up in the log). Auth.js
// reports the outcome only through its response (a redirect URL carrying `error=` / `code=` on
// failure, a session Set-Cookie on success), so the route hands us the limiter's report and both.
import { defaultClientIp, type SignInAttemptReport } from "@repo/auth/server";
import { eq } from "drizzle-orm";
import { operators } from "@repo/db/control-plane";
import { appendAuditEntry } from "../audit/append-audit-entry";
import type { AuditOutcome } from "../audit/audit-actions";
import { getControlPlane } from "../control-plane";
import { OPERATOR_COOKIE_NAMES } from "./operator-session-settings";

/** `report.email` is the email the limiter counted (read exactly as Auth.js reads it). */
export async function auditSignInAttempt(report: SignInAttemptReport, request: Request, response: Response): Promise<void> {
  const failure =
    report.verdict === "limited" ? "rate_limited" : report.verdict === "unavailable" ? "limiter_unavailable" : await readSignInFailure(response);
  const outcome: AuditOutcome = report.verdict === "limited" ? "rate_limited" : failure ? "failure" : "success";
  const normalized = report.email.trim().toLowerCase().slice(0, 254) || "(no email)";
  const [operator] = await getControlPlane().select({ id: operators.id }).from(operators).where(eq(operators.email, normalized));
  await appendAuditEntry({
    actorId: operator?.id ?? null,
    actorEmail: normalized,
    via: "sign_in",
    action: "operator.sign_in",
    outcome,
    ip: defaultClientIp(request),
    details: failure ? { error: failure, knownOperator: Boolean(operator) } : {},
  });
}

async function readSignInFailure(response: Response): Promise<string | null> {
  let location = response.headers.get("location");
  if (!location && response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.clone().json().catch(() => ({}))) as { url?: string };
    location = body.url ?? null;
  }
  if (response.status >= 400) return `http_${response.status}`;
  if (location) {
    const params = new URL(location, "http://x").searchParams;
    const error = params.get("error");
    if (error) return params.get("code") ?? error;
  }
  const setsSession = response.headers.getSetCookie().some((c) => OPERATOR_COOKIE_NAMES.some((n) => c.startsWith(`${n}=`) && !c.startsWith(`${n}=;`)));
  return setsSession ? null : "no_session_issued";
}
