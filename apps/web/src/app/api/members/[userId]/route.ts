import { changeMemberRoles, memberRolesSchema, removeMember } from "@repo/auth/identity";
import { z } from "zod";
import { ApiError } from "@repo/api-errors";
import {
  memberEventActor,
  onMemberRemoved,
  onMemberRolesChanged,
  requestTenantRelay,
} from "@/server/events/identity-events";
import { actorOf } from "@/server/identity/identity-context";
import { revokeAllSessionsOfUser } from "@/server/identity/revoke-user-sessions";
import { parseJsonBodyOrThrow } from "@/server/parse-json-body-or-throw";
import { withTenantRoute } from "@/server/with-tenant-route";
import { getSessionRevocationStore, getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

function memberIdOrThrow(raw: string): string {
  const id = z.uuid().safeParse(raw);
  if (!id.success) throw new ApiError("not_found", "No member with this id exists in this workspace.");
  return id.data;
}

/** `PATCH /api/members/:userId { roles }` → `200 { id, roles }`; the last owner can't be demoted (409). */
export const PATCH = withTenantRoute<{ userId: string }>(
  { permission: "members:write" },
  async (request, { session, params }) => {
    const userId = memberIdOrThrow(params.userId);
    const { roles } = await parseJsonBodyOrThrow(request, memberRolesSchema);
    const keys = await changeMemberRoles(getTenantDb(session.tenant.id), {
      actor: actorOf(session),
      userId,
      roles,
      inTransaction: onMemberRolesChanged(memberEventActor(session)),
    });
    requestTenantRelay(session.tenant.id);
    // Effective on the member's next request, without signing them out.
    await getSessionRevocationStore().markClaimsStale(session.tenant.id, userId);
    return Response.json({ id: userId, roles: keys });
  },
);

/** `DELETE /api/members/:userId` → `204`; their sessions end at once; the last owner can't be removed (409). */
export const DELETE = withTenantRoute<{ userId: string }>(
  { permission: "members:write" },
  async (_request, { session, params }) => {
    const userId = memberIdOrThrow(params.userId);
    await removeMember(getTenantDb(session.tenant.id), {
      actor: actorOf(session),
      userId,
      revokeSessions: (id) => revokeAllSessionsOfUser(session.tenant.id, id),
      inTransaction: onMemberRemoved(memberEventActor(session)),
    });
    requestTenantRelay(session.tenant.id);
    return new Response(null, { status: 204 });
  },
);
