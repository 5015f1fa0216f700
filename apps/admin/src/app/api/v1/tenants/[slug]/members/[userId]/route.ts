// GET /api/v1/tenants/:slug/members/:userId  ·  PATCH { roles?, disabled? }
// roles: replaced in one tenant-DB transaction, then the user's claims are marked stale so their
// next request carries a re-issued token with the new permissions (they stay signed in).
// disabled: true → flag + revokeUser (every session dies on its next request).
import { updateMemberSchema, userIdSchema } from "@/schemas/member-schemas";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { getMemberOrThrow } from "@/server/members/get-member-or-throw";
import { updateMemberOrThrow } from "@/server/members/update-member-or-throw";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";

export const dynamic = "force-dynamic";

type Params = { slug: string; userId: string };

export const GET = withOperator<Params>(
  async (_request, { params }) => {
    const userId = parseInputOrThrow(userIdSchema, params.userId);
    const { db } = await openTenantDbOrThrow(params.slug);
    return jsonOk({ member: await getMemberOrThrow(db, userId) });
  },
  { scope: "read" },
);

export const PATCH = withOperator<Params>(
  async (request, { params, audit, operator }) => {
    const userId = parseInputOrThrow(userIdSchema, params.userId);
    const input = parseInputOrThrow(updateMemberSchema, await readJsonBodyOrThrow(request));
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = `user:${userId}`;
    audit.details = { ...input };
    const member = await updateMemberOrThrow(tenant.id, db, userId, input, operator);
    audit.details = { ...input, email: member.email };
    return jsonOk({ member });
  },
  { scope: "write", action: "member.update" },
);
