// GET /api/v1/audit?tenant=&actor=&action=&from=&to=&cursor=&limit=
// Read-only by design: this module exports GET only — the audit log has no update/delete path.
import { listAuditQuerySchema } from "@/schemas/audit-schemas";
import { listAuditEntries } from "@/server/audit/list-audit-entries";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";

export const dynamic = "force-dynamic";

export const GET = withOperator(
  async (request) => jsonOk(await listAuditEntries(parseInputOrThrow(listAuditQuerySchema, readSearchParams(request)))),
  { scope: "read" },
);
