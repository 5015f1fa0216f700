// GET /api/v1/audit/export?<same filters> — CSV download (up to 10 000 rows per export; narrow
// the filters for more). Exports are themselves audited.
import { listAuditQuerySchema } from "@/schemas/audit-schemas";
import { formatAuditCsv } from "@/server/audit/format-audit-csv";
import { listAuditEntries, type AuditEntry } from "@/server/audit/list-audit-entries";
import { parseInputOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";

export const dynamic = "force-dynamic";

const MAX_ROWS = 10_000;

export const GET = withOperator(
  async (request, { audit }) => {
    const params = readSearchParams(request);
    const query = parseInputOrThrow(listAuditQuerySchema, { ...params, limit: 500 });
    const entries: AuditEntry[] = [];
    let cursor = query.cursor;
    while (entries.length < MAX_ROWS) {
      const page = await listAuditEntries({ ...query, cursor });
      entries.push(...page.entries);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    audit.details = { filters: params, rows: entries.length };
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(formatAuditCsv(entries), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { scope: "read", action: "audit.export" },
);
