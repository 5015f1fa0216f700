// Records every operator sign-in attempt the limiter counted. Answered attempts (success or
// failure) append one audit entry each; attempts the brute-force limiter REFUSED are counted per
// (subject, hour) in `sign_in_refusals` instead, so a guessing flood grows a counter rather than
// the append-only log. Auth.js reports the outcome only through its response (a redirect URL
// carrying `error=` / `code=` on failure, a session Set-Cookie on success).
import { defaultClientIp, type SignInAttemptReport } from "@repo/auth/server";
import { eq, sql } from "drizzle-orm";
import { operators, signInRefusals } from "@repo/db/control-plane";
import { appendAuditEntry, capAuditText } from "../audit/append-audit-entry";
import type { AuditOutcome } from "../audit/audit-actions";
import { getControlPlane } from "../control-plane";
import { OPERATOR_COOKIE_NAMES } from "./operator-session-settings";

/** `report.email` is the email the limiter counted (read exactly as Auth.js reads it). */
export async function auditSignInAttempt(
  report: SignInAttemptReport,
  request: Request,
  response: Response,
): Promise<void> {
  const normalized = capAuditText(report.email.trim().toLowerCase(), "actor") || "(no email)";
  const ip = capAuditText(defaultClientIp(request), "ip");
  if (report.verdict === "limited") {
    await countRefusal(report.reason === "ip" ? `ip:${ip ?? "unknown"}` : normalized, report.reason ?? "account", ip);
    return;
  }
  const failure = report.verdict === "unavailable" ? "limiter_unavailable" : await readSignInFailure(response);
  const outcome: AuditOutcome = failure ? "failure" : "success";
  const [operator] = await getControlPlane()
    .select({ id: operators.id })
    .from(operators)
    .where(eq(operators.email, normalized));
  await appendAuditEntry({
    actorId: operator?.id ?? null,
    actorEmail: normalized,
    via: "sign_in",
    action: "operator.sign_in",
    outcome,
    ip,
    details: failure
      ? { error: failure, knownOperator: Boolean(operator), trustedDevice: Boolean(report.deviceId) }
      : {},
  });
}

/** One row per (subject, hour): insert, or add one to the counter. */
async function countRefusal(subject: string, reason: string, ip: string | null): Promise<void> {
  await getControlPlane()
    .insert(signInRefusals)
    .values({ scope: "admin", subject, reason, lastIp: ip, windowStart: sql`date_trunc('hour', now())` })
    .onConflictDoUpdate({
      target: [signInRefusals.scope, signInRefusals.subject, signInRefusals.windowStart],
      set: { count: sql`${signInRefusals.count} + 1`, lastIp: ip, lastAt: sql`now()`, reason },
    });
}

async function readSignInFailure(response: Response): Promise<string | null> {
  let location = response.headers.get("location");
  if (!location && response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { url?: string };
    location = body.url ?? null;
  }
  if (response.status >= 400) return `http_${response.status}`;
  if (location) {
    const params = new URL(location, "http://x").searchParams;
    const error = params.get("error");
    if (error) return params.get("code") ?? error;
  }
  const setsSession = response.headers
    .getSetCookie()
    .some((c) => OPERATOR_COOKIE_NAMES.some((n) => c.startsWith(`${n}=`) && !c.startsWith(`${n}=;`)));
  return setsSession ? null : "no_session_issued";
}
