// Reads the audit log newest-first with keyset (cursor) pagination on the monotonic `id`:
// stable under concurrent appends, and O(limit) at any depth unlike OFFSET.
import { and, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { auditLog, type AuditLogRow } from "@repo/db/control-plane";
import type { ListAuditQuery } from "../../schemas/audit-schemas";
import { getControlPlane } from "../control-plane";
import { escapeLike } from "../search/escape-like";

export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  action: string;
  outcome: string;
  tenantSlug: string | null;
  target: string | null;
  ip: string | null;
  metadata: Record<string, unknown>;
};

export async function listAuditEntries(
  query: ListAuditQuery,
): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const filters: SQL[] = [];
  if (query.tenant)
    filters.push(or(eq(auditLog.tenantSlug, query.tenant), eq(auditLog.tenantId, asUuidOrNil(query.tenant)))!);
  if (query.actor) filters.push(ilike(auditLog.actor, `%${escapeLike(query.actor)}%`));
  if (query.action)
    filters.push(
      query.action.endsWith(".")
        ? ilike(auditLog.action, `${escapeLike(query.action)}%`)
        : eq(auditLog.action, query.action),
    );
  if (query.from) filters.push(gte(auditLog.at, query.from));
  if (query.to) filters.push(lt(auditLog.at, endOfDayIfDateOnly(query.to)));
  const cursor = query.cursor ? Number.parseInt(query.cursor, 10) : NaN;
  if (Number.isSafeInteger(cursor)) filters.push(lt(auditLog.id, cursor));

  const rows = await getControlPlane()
    .select()
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { entries: page.map(toAuditEntry), nextCursor: rows.length > query.limit && last ? String(last.id) : null };
}

function toAuditEntry(row: AuditLogRow): AuditEntry {
  const metadata = row.metadata ?? {};
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    outcome: typeof metadata.outcome === "string" ? metadata.outcome : "success",
    tenantSlug: row.tenantSlug,
    target: row.target,
    ip: row.ip,
    metadata,
  };
}

const NIL_UUID = "00000000-0000-0000-0000-000000000000";
function asUuidOrNil(value: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : NIL_UUID;
}

/** `to=2026-01-31` means "through the end of that day", not midnight at its start. */
function endOfDayIfDateOnly(date: Date): Date {
  const isMidnightUtc =
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0;
  return isMidnightUtc ? new Date(date.getTime() + 86_400_000) : date;
}
