import Link from "next/link";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { listTenantsQuerySchema, TENANT_STATUSES } from "@/schemas/tenant-schemas";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { searchTenants } from "@/server/tenants/search-tenants";

export const metadata = { title: "Tenants" };

export default async function TenantsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const operator = await requirePageOperator();
  const raw = await searchParams;
  const parsed = listTenantsQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : listTenantsQuerySchema.parse({});
  const result = await searchTenants(query);
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Every organisation on the platform, with its database placement."
        actions={
          operator.canWrite ? (
            <Link href="/tenants/new" className={BUTTON_STYLES.primary}>
              New tenant
            </Link>
          ) : null
        }
      />
      <form className="mb-4 flex flex-wrap gap-2" role="search">
        <input
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="Search slug or name"
          aria-label="Search tenants"
          className={`${INPUT_STYLE} w-64`}
        />
        <select name="status" defaultValue={query.status ?? ""} aria-label="Status" className={INPUT_STYLE}>
          <option value="">All statuses</option>
          {TENANT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button className={BUTTON_STYLES.secondary} type="submit">
          Filter
        </button>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-2">Slug</th>
              <th className="px-4 py-2">Name</th>
              <th className="px-4 py-2">Status</th>
              <th className="px-4 py-2">Server</th>
              <th className="px-4 py-2">Created</th>
            </tr>
          </thead>
          <tbody>
            {result.tenants.map((t) => (
              <tr key={t.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                <td className="px-4 py-2 font-medium">
                  <Link className="underline-offset-2 hover:underline" href={`/tenants/${t.slug}`}>
                    {t.slug}
                  </Link>
                </td>
                <td className="px-4 py-2">{t.name}</td>
                <td className="px-4 py-2">
                  <StatusBadge status={t.status} />
                </td>
                <td className="px-4 py-2 text-slate-600">{t.serverName}</td>
                <td className="px-4 py-2 text-slate-600">{t.createdAt.slice(0, 10)}</td>
              </tr>
            ))}
            {result.tenants.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-8 text-center text-slate-500">
                  No tenants match these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pagination
        basePath="/tenants"
        params={{ q: query.q, status: query.status }}
        page={query.page}
        pageSize={query.pageSize}
        total={result.total}
      />
    </>
  );
}
