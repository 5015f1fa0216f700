import { endOwnSession } from "@repo/auth/identity";
import { ApiError } from "@repo/api-errors";
import { onOwnSessionEnded, requestTenantRelay } from "@/server/events/identity-events";
import { withTenantRoute } from "@/server/with-tenant-route";
import { getSessionRevocationStore, getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/** `DELETE /api/me/sessions/:sid` → `204`; only the caller's own sessions (404 otherwise). */
export const DELETE = withTenantRoute<{ sid: string }>({}, async (_request, { session, params }) => {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(params.sid)) throw new ApiError("not_found", "No session of yours has this id.");
  await endOwnSession(getTenantDb(session.tenant.id), {
    userId: session.user.id,
    sid: params.sid,
    revoke: (sid, expiresAt) =>
      getSessionRevocationStore().revokeSession(session.tenant.id, sid, Math.ceil(expiresAt.getTime() / 1000)),
    inTransaction: onOwnSessionEnded,
  });
  requestTenantRelay(session.tenant.id);
  return new Response(null, { status: 204 });
});
