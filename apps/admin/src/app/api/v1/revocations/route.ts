// POST /api/v1/revocations { tenant, type: "session"|"user"|"tenant", userId?, sessionId? }
// GET  /api/v1/revocations?tenant= — active revocations with remaining TTL.
import { createRevocationSchema, listRevocationsQuerySchema } from "@/schemas/revocation-schemas";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { toOperatorEventActor } from "@/server/events/operator-event-actor";
import { withOperator } from "@/server/http/with-operator";
import { createRevocationOrThrow } from "@/server/sessions/create-revocation-or-throw";
import { listActiveRevocations } from "@/server/sessions/list-active-revocations";
import { getTenantOrThrow } from "@/server/tenants/get-tenant-or-throw";

export const dynamic = "force-dynamic";

export const GET = withOperator(
  async (request) => {
    const { tenant: slug } = parseInputOrThrow(listRevocationsQuerySchema, readSearchParams(request));
    const tenant = await getTenantOrThrow(slug);
    return jsonOk({ tenant: { id: tenant.id, slug: tenant.slug }, revocations: await listActiveRevocations(tenant) });
  },
  { scope: "read" },
);

export const POST = withOperator(
  async (request, { audit, operator }) => {
    const input = parseInputOrThrow(createRevocationSchema, await readJsonBodyOrThrow(request));
    audit.tenantSlug = input.tenant;
    audit.details = { ...input };
    const tenant = await getTenantOrThrow(input.tenant);
    audit.tenantId = tenant.id;
    audit.target =
      input.type === "session"
        ? `session:${input.sessionId}`
        : input.type === "user"
          ? `user:${input.userId}`
          : `tenant:${tenant.slug}`;
    const revocation = await createRevocationOrThrow(tenant, input, toOperatorEventActor(operator));
    return jsonOk({ revocation }, 201);
  },
  { scope: "write", action: "revocation.create" },
);
