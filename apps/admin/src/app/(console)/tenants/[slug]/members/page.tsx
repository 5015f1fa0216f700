import Link from "next/link";
import { BUTTON_STYLES, INPUT_STYLE } from "@/components/button-styles";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { TenantTabs } from "@/components/tenant-tabs";
import { listMembersQuerySchema } from "@/schemas/member-schemas";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { loadOrNotFound } from "@/server/http/load-or-not-found";
import { listMembers } from "@/server/members/list-members";
import { listRoles } from "@/server/roles/list-roles";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";
import { CreateMemberForm } from "./create-member-form";

export default async function MembersPage(props: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const operator = await requirePageOperator();
  const { slug } = await props.params;
  const parsed = listMembersQuerySchema.safeParse(await props.searchParams);
  const query = parsed.success ? parsed.data : listMembersQuerySchema.parse({});
  const { tenant, db } = await loadOrNotFound(() => openTenantDbOrThrow(slug));
  const [{ members, total }, roles] = await Promise.all([listMembers(db, query), listRoles(db)]);
  return (
    <>
      <PageHeader title={tenant.name} description={`Members of ${tenant.slug}`} />
      <TenantTabs slug={tenant.slug} current="/members" />
      <div className="grid gap-8 xl:grid-cols-[1fr_20rem]">
        <section>
          <form className="mb-4 flex gap-2" role="search">
            <input
              name="q"
              defaultValue={query.q ?? ""}
              placeholder="Search email or name"
              aria-label="Search members"
              className={`${INPUT_STYLE} w-72`}
            />
            <button type="submit" className={BUTTON_STYLES.secondary}>
              Search
            </button>
          </form>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
                <tr>
                  <th className="px-4 py-2">Email</th>
                  <th className="px-4 py-2">Name</th>
                  <th className="px-4 py-2">Roles</th>
                  <th className="px-4 py-2">Status</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                    <td className="px-4 py-2 font-medium">
                      <Link className="hover:underline" href={`/tenants/${tenant.slug}/members/${m.id}`}>
                        {m.email}
                      </Link>
                    </td>
                    <td className="px-4 py-2">{m.name}</td>
                    <td className="px-4 py-2">{m.roles.join(", ") || <span className="text-slate-400">none</span>}</td>
                    <td className="px-4 py-2">
                      <StatusBadge status={m.disabled ? "disabled" : "active"} />
                    </td>
                  </tr>
                ))}
                {members.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="px-4 py-8 text-center text-slate-500">
                      No members found.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <Pagination
            basePath={`/tenants/${tenant.slug}/members`}
            params={{ q: query.q }}
            page={query.page}
            pageSize={query.pageSize}
            total={total}
          />
        </section>
        {operator.canWrite ? (
          <CreateMemberForm slug={tenant.slug} roles={roles.map((r) => ({ key: r.key, name: r.name }))} />
        ) : null}
      </div>
    </>
  );
}
