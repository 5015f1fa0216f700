// RFC 4180 CSV of audit entries. Cells that a spreadsheet would evaluate as a formula are
// prefixed with a quote: the log contains user-typed text (e.g. the email of a failed sign-in).
// "Would evaluate" = starts with = + - @ (or their full-width forms, which some spreadsheets
// normalise), possibly after leading whitespace/control characters, or starts with tab/CR/LF.
import type { AuditEntry } from "./list-audit-entries";

const COLUMNS = ["id", "at", "actor", "action", "outcome", "tenant", "target", "ip", "details"] as const;

export function formatAuditCsv(entries: readonly AuditEntry[]): string {
  const lines = [COLUMNS.join(",")];
  for (const e of entries) {
    const { outcome: _o, via: _v, ...details } = e.metadata;
    lines.push(
      [
        String(e.id),
        e.at,
        e.actor,
        e.action,
        e.outcome,
        e.tenantSlug ?? "",
        e.target ?? "",
        e.ip ?? "",
        JSON.stringify(details),
      ]
        .map(toCsvCell)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"]);

function isFormulaLike(value: string): boolean {
  if (/^[\t\r\n]/.test(value)) return true;
  let i = 0;
  while (i < value.length && (value.charCodeAt(i) <= 0x20 || /\s/.test(value[i]!))) i++;
  return i < value.length && FORMULA_TRIGGERS.has(value[i]!);
}

/** One CSV cell: formula-neutralised, then quoted if needed. Exported for tests. */
export function toCsvCell(value: string): string {
  const safe = isFormulaLike(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
