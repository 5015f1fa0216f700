import { revokeInvitation } from "@repo/auth/identity";
import { z } from "zod";
import { ApiError } from "@repo/api-errors";
import { withTenantRoute } from "@/server/with-tenant-route";
import { getTenantDb } from "@/server/web-root";

export const dynamic = "force-dynamic";

/** `DELETE /api/invitations/:id` → `204` (pending only; 404 unknown, 409 accepted/withdrawn). */
export const DELETE = withTenantRoute<{ id: string }>(
  { permission: "members:write" },
  async (_request, { session, params }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success) throw new ApiError("not_found", "No invitation with this id exists in this workspace.");
    await revokeInvitation(getTenantDb(session.tenant.id), id.data);
    return new Response(null, { status: 204 });
  },
);
