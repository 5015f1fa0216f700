import { acceptInvitation, acceptInvitationSchema } from "@repo/auth/identity";
import { defaultClientIp } from "@repo/auth/server";
import { ApiError } from "@repo/api-errors";
import { onInvitationAccepted, requestTenantRelay } from "@/server/events/identity-events";
import { withPublicTenantRoute } from "@/server/identity/with-public-tenant-route";
import { parseJsonBodyOrThrow } from "@/server/parse-json-body-or-throw";
import { getSessionRevocationStore, getSignInLimiter, getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/**
 * `POST /api/invitations/accept { token, name?, password }` (no session; the Host's tenant) →
 * `200 { email, isNewAccount }`. The page then signs in with that email and password through
 * Auth.js's credentials endpoint. An existing account must give its password, so attempts count
 * against the sign-in limiter like a sign-in would.
 */
export const POST = withPublicTenantRoute(async (request, { tenant }) => {
  const input = await parseJsonBodyOrThrow(request, acceptInvitationSchema);
  const limiter = getSignInLimiter();
  const verdict = limiter
    ? await limiter.consume({
        scope: tenant.id,
        ip: defaultClientIp(request) ?? "unknown",
        email: `invite:${input.token.slice(0, 16)}`,
      })
    : ({ status: "unavailable" } as const);
  if (verdict.status === "limited") {
    throw new ApiError("rate_limited", "Too many attempts. Wait a minute and try again.", {
      headers: { "retry-after": String(verdict.retryAfterSeconds) },
    });
  }
  if (verdict.status === "unavailable")
    throw new ApiError("service_unavailable", "Try again in a moment.", { headers: { "retry-after": "30" } });
  const accepted = await acceptInvitation(getTenantDb(tenant.id), input, { inTransaction: onInvitationAccepted });
  requestTenantRelay(tenant.id);
  // An existing member got new roles: their live sessions pick them up on the next request.
  if (!accepted.isNewAccount) await getSessionRevocationStore().markClaimsStale(tenant.id, accepted.userId);
  return Response.json(
    { email: accepted.email, isNewAccount: accepted.isNewAccount },
    { headers: { "cache-control": "no-store" } },
  );
});
