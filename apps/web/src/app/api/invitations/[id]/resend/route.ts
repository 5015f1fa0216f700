import { resendInvitation } from "@repo/auth/identity";
import { z } from "zod";
import { ApiError } from "@repo/api-errors";
import { actorOf, linkFor, tenantOf } from "@/server/identity/identity-context";
import { withTenantRoute } from "@/server/with-tenant-route";
import { getIdentitySettings, getMailer, getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/** `POST /api/invitations/:id/resend` → `200 { …invitation, emailSent }`: a new link; the old one stops working. */
export const POST = withTenantRoute<{ id: string }>(
  { permission: "members:write" },
  async (_request, { session, params }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success) throw new ApiError("not_found", "No invitation with this id exists in this workspace.");
    const { invitation, emailSent } = await resendInvitation(getTenantDb(session.tenant.id), {
      id: id.data,
      tenant: tenantOf(session),
      actor: actorOf(session),
      ttlDays: getIdentitySettings().invitationTtlDays,
      link: linkFor(session.tenant),
      mailer: getMailer(),
    });
    return Response.json({ ...invitation, emailSent });
  },
);
