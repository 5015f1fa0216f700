import { changeOwnPassword, changePasswordSchema, listOtherSessionIds } from "@repo/auth/identity";
import { memberEventActor } from "@/server/events/identity-events";
import { revokeSessions } from "@/server/identity/revoke-user-sessions";
import { parseJsonBodyOrThrow } from "@/server/parse-json-body-or-throw";
import { withTenantRoute } from "@/server/with-tenant-route";
import { getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/** `POST /api/me/password { currentPassword, newPassword }` → `204`; every other session of the user ends. */
export const POST = withTenantRoute({}, async (request, { session }) => {
  const input = await parseJsonBodyOrThrow(request, changePasswordSchema);
  const db = getTenantDb(session.tenant.id);
  await changeOwnPassword(db, {
    userId: session.user.id,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
    revokeOtherSessions: async () =>
      revokeSessions(
        db,
        session.tenant.id,
        await listOtherSessionIds(db, { userId: session.user.id, currentSid: session.sessionId }),
        memberEventActor(session),
      ),
  });
  return new Response(null, { status: 204 });
});
