import Link from "next/link";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { listAuditQuerySchema } from "@/schemas/audit-schemas";
import { AUDIT_ACTIONS } from "@/server/audit/audit-actions";
import { listAuditEntries } from "@/server/audit/list-audit-entries";

export const metadata = { title: "Audit log" };

const FILTERS = ["tenant", "actor", "action", "from", "to"] as const;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const raw = await searchParams;
  const parsed = listAuditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : listAuditQuerySchema.parse({});
  const { entries, nextCursor } = await listAuditEntries(query);
  const filterParams = new URLSearchParams();
  for (const f of FILTERS) if (raw[f]) filterParams.set(f, raw[f]!);
  const nextHref = nextCursor
    ? `/audit?${new URLSearchParams({ ...Object.fromEntries(filterParams), cursor: nextCursor })}`
    : null;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every operator action and sign-in, successful or not. Append-only."
        actions={
          <a className={BUTTON_STYLES.secondary} href={`/api/v1/audit/export?${filterParams}`}>
            Export CSV
          </a>
        }
      />
      {!parsed.success ? (
        <p className="mb-3 text-sm text-red-700">Some filters were invalid and were ignored.</p>
      ) : null}
      <form className="mb-4 flex flex-wrap items-end gap-2 text-sm">
        <label>
          Tenant
          <input
            name="tenant"
            defaultValue={raw.tenant ?? ""}
            placeholder="slug"
            className={`${INPUT_STYLE} mt-1 block w-32`}
          />
        </label>
        <label>
          Actor
          <input
            name="actor"
            defaultValue={raw.actor ?? ""}
            placeholder="email"
            className={`${INPUT_STYLE} mt-1 block w-48`}
          />
        </label>
        <label>
          Action
          <select name="action" defaultValue={raw.action ?? ""} className={`${INPUT_STYLE} mt-1 block`}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={raw.from ?? ""} className={`${INPUT_STYLE} mt-1 block`} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={raw.to ?? ""} className={`${INPUT_STYLE} mt-1 block`} />
        </label>
        <button type="submit" className={BUTTON_STYLES.secondary}>
          Filter
        </button>
        <Link href="/audit" className="px-2 py-1.5 text-slate-600 underline">
          Reset
        </Link>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2">Time (UTC)</th>
              <th className="px-3 py-2">Actor</th>
              <th className="px-3 py-2">Action</th>
              <th className="px-3 py-2">Outcome</th>
              <th className="px-3 py-2">Tenant</th>
              <th className="px-3 py-2">Target</th>
              <th className="px-3 py-2">IP</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b border-slate-100 last:border-0" title={JSON.stringify(e.metadata)}>
                <td className="whitespace-nowrap px-3 py-2">{e.at.slice(0, 19).replace("T", " ")}</td>
                <td className="px-3 py-2">{e.actor}</td>
                <td className="px-3 py-2">
                  <code className="text-xs">{e.action}</code>
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={e.outcome} />
                </td>
                <td className="px-3 py-2">{e.tenantSlug ?? "—"}</td>
                <td className="px-3 py-2">
                  <code className="text-xs">{e.target ?? "—"}</code>
                </td>
                <td className="px-3 py-2 text-slate-600">{e.ip ?? "—"}</td>
              </tr>
            ))}
            {entries.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-8 text-center text-slate-500">
                  No entries match these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pagination" className="mt-4 flex justify-between text-sm">
        {query.cursor ? (
          <Link className={BUTTON_STYLES.secondary} href={`/audit?${filterParams}`}>
            Newest
          </Link>
        ) : (
          <span />
        )}
        {nextHref ? (
          <Link className={BUTTON_STYLES.secondary} href={nextHref}>
            Older entries
          </Link>
        ) : null}
      </nav>
    </>
  );
}
