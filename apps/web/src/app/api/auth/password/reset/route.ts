import { resetPassword, resetPasswordSchema } from "@repo/auth/identity";
import { onUserSessionsRevoked, requestTenantRelay } from "@/server/events/identity-events";
import { revokeAllSessionsOfUser } from "@/server/identity/revoke-user-sessions";
import { withPublicTenantRoute } from "@/server/identity/with-public-tenant-route";
import { parseJsonBodyOrThrow } from "@/server/parse-json-body-or-throw";
import { getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/**
 * `POST /api/auth/password/reset { token, password }` → `204`. The link works once, for one hour,
 * on its own tenant's host only (another tenant's database doesn't know the token: 404). Every
 * session of the user ends (user epoch in Redis) in the same step; Redis down → 503, nothing changed.
 */
export const POST = withPublicTenantRoute(async (request, { tenant }) => {
  const input = await parseJsonBodyOrThrow(request, resetPasswordSchema);
  await resetPassword(getTenantDb(tenant.id), {
    token: input.token,
    password: input.password,
    revokeSessions: (userId) => revokeAllSessionsOfUser(tenant.id, userId),
    inTransaction: onUserSessionsRevoked(null),
  });
  requestTenantRelay(tenant.id);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
