import { createInvitation, createInvitationSchema, listInvitations } from "@repo/auth/identity";
import { memberEventActor, onInvitationCreated, requestTenantRelay } from "@/server/events/identity-events";
import { actorOf, linkFor, tenantOf } from "@/server/identity/identity-context";
import { parseJsonBodyOrThrow } from "@/server/parse-json-body-or-throw";
import { withTenantRoute } from "@/server/with-tenant-route";
import { getIdentitySettings, getMailer, getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/** `GET /api/invitations` → `200 { invitations: [{ id, email, roles, status, expiresAt, … }] }`. */
export const GET = withTenantRoute({ permission: "members:write" }, async (_request, { session }) =>
  Response.json(
    { invitations: await listInvitations(getTenantDb(session.tenant.id)) },
    { headers: { "cache-control": "no-store" } },
  ),
);

/** `POST /api/invitations { email, roles }` → `201 { id, email, roles, expiresAt, status, emailSent }`. */
export const POST = withTenantRoute({ permission: "members:write" }, async (request, { session }) => {
  const input = await parseJsonBodyOrThrow(request, createInvitationSchema);
  const { invitation, emailSent } = await createInvitation(getTenantDb(session.tenant.id), {
    tenant: tenantOf(session),
    actor: actorOf(session),
    input,
    ttlDays: getIdentitySettings().invitationTtlDays,
    link: linkFor(session.tenant),
    mailer: getMailer(),
    inTransaction: onInvitationCreated(memberEventActor(session)),
  });
  requestTenantRelay(session.tenant.id);
  return Response.json(
    { ...invitation, emailSent },
    { status: 201, headers: { location: `/api/invitations/${invitation.id}` } },
  );
});
