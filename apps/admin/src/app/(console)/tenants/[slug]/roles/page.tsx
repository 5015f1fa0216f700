import { ApiConfirmButton } from "@/components/api-confirm-button";
import { PageHeader } from "@/components/page-header";
import { TenantTabs } from "@/components/tenant-tabs";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { loadOrNotFound } from "@/server/http/load-or-not-found";
import { listRoles } from "@/server/roles/list-roles";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";
import { RoleEditor } from "./role-editor";

export default async function RolesPage(props: { params: Promise<{ slug: string }> }) {
  const operator = await requirePageOperator();
  const { slug } = await props.params;
  const { tenant, db } = await loadOrNotFound(() => openTenantDbOrThrow(slug));
  const roles = await listRoles(db);
  const builtin = roles.filter((r) => r.builtin);
  const custom = roles.filter((r) => !r.builtin);
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={`Roles of ${tenant.slug}. Built-in roles are defined in code and read-only.`}
      />
      <TenantTabs slug={tenant.slug} current="/roles" />
      <h2 className="mb-2 text-sm font-semibold">Built-in roles</h2>
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-2">Role</th>
              <th className="px-4 py-2">Permissions</th>
              <th className="px-4 py-2">Members</th>
            </tr>
          </thead>
          <tbody>
            {builtin.map((r) => (
              <tr key={r.key} className="border-b border-slate-100 align-top last:border-0">
                <td className="px-4 py-2">
                  <div className="font-medium">{r.name}</div>
                  <div className="text-xs text-slate-500">{r.description}</div>
                </td>
                <td className="px-4 py-2">
                  <PermissionChips permissions={r.permissions} />
                </td>
                <td className="px-4 py-2">{r.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mb-2 text-sm font-semibold">Custom roles</h2>
      <div className="space-y-4">
        {custom.map((r) => (
          <div key={r.key} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="mb-3 flex items-start justify-between gap-4">
              <div>
                <div className="font-medium">
                  {r.name} <code className="text-xs text-slate-500">{r.key}</code>
                </div>
                <div className="text-xs text-slate-500">
                  {r.memberCount} member(s){r.description ? ` · ${r.description}` : ""}
                </div>
              </div>
              <ApiConfirmButton
                method="DELETE"
                path={`/tenants/${tenant.slug}/roles/${r.key}`}
                label="Delete"
                title={`Delete role "${r.name}"?`}
                description={
                  r.memberCount
                    ? "This role is still assigned; the deletion will be refused until its members are reassigned."
                    : "The role is removed from this tenant."
                }
                disabled={!operator.canWrite}
              />
            </div>
            <RoleEditor slug={tenant.slug} role={r} canWrite={operator.canWrite} />
          </div>
        ))}
        {custom.length === 0 ? <p className="text-sm text-slate-500">No custom roles yet.</p> : null}
        {operator.canWrite ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-4">
            <h3 className="mb-3 text-sm font-semibold">New custom role</h3>
            <RoleEditor slug={tenant.slug} role={null} canWrite />
          </div>
        ) : null}
      </div>
    </>
  );
}

function PermissionChips({ permissions }: { permissions: readonly string[] }) {
  return (
    <div className="flex flex-wrap gap-1">
      {permissions.map((p) => (
        <code key={p} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
          {p}
        </code>
      ))}
    </div>
  );
}
