import { endOwnSession } from "@repo/auth/identity";
import { getTenantDb } from "@repo/tenancy";
import { ApiError } from "@repo/api-errors";
import { getSessionRevocationStore } from "@/server/auth-runtime";
import { withTenantRoute } from "@/server/with-tenant-route";

export const dynamic = "force-dynamic";

/** `DELETE /api/me/sessions/:sid` → `204`; only the caller's own sessions (404 otherwise). */
export const DELETE = withTenantRoute<{ sid: string }>({}, async (_request, { session, params }) => {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(params.sid)) throw new ApiError("not_found", "No session of yours has this id.");
  await endOwnSession(getTenantDb(session.tenant.id), {
    userId: session.user.id,
    sid: params.sid,
    revoke: (sid, expiresAt) =>
      getSessionRevocationStore().revokeSession(session.tenant.id, sid, Math.ceil(expiresAt.getTime() / 1000)),
  });
  return new Response(null, { status: 204 });
});
