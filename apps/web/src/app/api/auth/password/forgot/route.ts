import { forgotPasswordSchema, requestPasswordReset } from "@repo/auth/identity";
import { defaultClientIp } from "@repo/auth/server";
import { ApiError } from "@repo/api-errors";
import { linkFor } from "@/server/identity/identity-context";
import { withPublicTenantRoute } from "@/server/identity/with-public-tenant-route";
import { runAfterResponse } from "@/server/identity/run-after-response";
import { parseJsonBodyOrThrow } from "@/server/parse-json-body-or-throw";
import { getIdentitySettings, getMailer, getPasswordResetLimiter, getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

const ACCEPTED = {
  message:
    "If an account with that email exists in this workspace, we've sent a link to reset its password. Check your inbox.",
};

/**
 * `POST /api/auth/password/forgot { email }` → always `202` with the same body (OWASP Forgot
 * Password): the only work on the response path is the rate limit, which costs the same for every
 * email; looking the account up, storing the token and sending the mail happen after the response.
 * Over the limit (per tenant + email, per tenant + IP): `429`, for known and unknown emails alike.
 */
export const POST = withPublicTenantRoute(async (request, { tenant }) => {
  const { email } = await parseJsonBodyOrThrow(request, forgotPasswordSchema);
  const limiter = getPasswordResetLimiter();
  const verdict = limiter
    ? await limiter.consume({ scope: tenant.id, ip: defaultClientIp(request) ?? "unknown", email })
    : ({ status: "unavailable" } as const);
  if (verdict.status === "limited") {
    throw new ApiError(
      "rate_limited",
      "Too many reset requests. Wait a few minutes, then check your inbox before trying again.",
      {
        headers: { "retry-after": String(verdict.retryAfterSeconds) },
      },
    );
  }
  if (verdict.status === "unavailable") {
    throw new ApiError("service_unavailable", "Password reset is briefly unavailable. Try again in a minute.", {
      headers: { "retry-after": "30" },
    });
  }
  const settings = getIdentitySettings();
  runAfterResponse(() =>
    requestPasswordReset(getTenantDb(tenant.id), {
      tenant,
      email,
      ttlMinutes: settings.passwordResetTtlMinutes,
      link: linkFor(tenant),
      mailer: getMailer(),
    }),
  );
  return Response.json(ACCEPTED, { status: 202, headers: { "cache-control": "no-store" } });
});
