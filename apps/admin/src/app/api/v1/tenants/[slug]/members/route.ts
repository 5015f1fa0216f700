// GET /api/v1/tenants/:slug/members?q=&page=  ·  POST { email, name, password?, roles? }
// The created user's initial password is in the 201 response ONCE (never stored in clear, never logged).
import { createMemberSchema, listMembersQuerySchema } from "@/schemas/member-schemas";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { requestRelay } from "@/server/events/request-relay";
import { toOperatorEventActor } from "@/server/events/operator-event-actor";
import { withOperator } from "@/server/http/with-operator";
import { createMemberOrThrow } from "@/server/members/create-member-or-throw";
import { listMembers } from "@/server/members/list-members";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";

export const dynamic = "force-dynamic";

type Params = { slug: string };

export const GET = withOperator<Params>(
  async (request, { params }) => {
    const query = parseInputOrThrow(listMembersQuerySchema, readSearchParams(request));
    const { db } = await openTenantDbOrThrow(params.slug);
    return jsonOk({ ...(await listMembers(db, query)), page: query.page, pageSize: query.pageSize });
  },
  { scope: "read" },
);

export const POST = withOperator<Params>(
  async (request, { params, audit, operator }) => {
    const input = parseInputOrThrow(createMemberSchema, await readJsonBodyOrThrow(request));
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = input.email;
    const created = await createMemberOrThrow(db, input, toOperatorEventActor(operator));
    requestRelay({ tenantId: tenant.id });
    audit.target = `user:${created.member.id}`;
    audit.details = { email: input.email, roles: created.member.roles, passwordGenerated: created.passwordGenerated };
    return jsonOk({ member: created.member, initialPassword: created.initialPassword }, 201);
  },
  { scope: "write", action: "member.create" },
);
