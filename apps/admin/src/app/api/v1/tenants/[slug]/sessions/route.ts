// GET /api/v1/tenants/:slug/sessions?userId=&all=1 — session inventory (active only by default).
import { listSessionsQuerySchema } from "@/schemas/revocation-schemas";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { listSessions } from "@/server/sessions/list-sessions";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";

export const dynamic = "force-dynamic";

export const GET = withOperator<{ slug: string }>(
  async (request, { params }) => {
    const query = parseInputOrThrow(listSessionsQuerySchema, readSearchParams(request));
    const { db } = await openTenantDbOrThrow(params.slug);
    const includeInactive = query.all === "1" || query.all === "true";
    return jsonOk({ sessions: await listSessions(db, { userId: query.userId, includeInactive }) });
  },
  { scope: "read" },
);
