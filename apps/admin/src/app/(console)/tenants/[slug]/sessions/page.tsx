import { ApiConfirmButton } from "@/components/api-confirm-button";
import { PageHeader } from "@/components/page-header";
import { SessionsTable } from "@/components/sessions-table";
import { TenantTabs } from "@/components/tenant-tabs";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { loadOrNotFound } from "@/server/http/load-or-not-found";
import { listActiveRevocations } from "@/server/sessions/list-active-revocations";
import { listSessions } from "@/server/sessions/list-sessions";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";

export default async function SessionsPage(props: { params: Promise<{ slug: string }> }) {
  const operator = await requirePageOperator();
  const { slug } = await props.params;
  const { tenant, db } = await loadOrNotFound(() => openTenantDbOrThrow(slug));
  const [sessions, revocations] = await Promise.all([listSessions(db, {}), listActiveRevocations(tenant)]);
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={`Sessions and revocations of ${tenant.slug}`}
        actions={
          <ApiConfirmButton
            method="POST"
            path="/revocations"
            body={{ tenant: tenant.slug, type: "tenant" }}
            label="Kill switch: revoke every session"
            variant="danger"
            title={`Revoke every session of ${tenant.name}?`}
            description="All users of this tenant are signed out on their next request. They can sign in again (use Suspend to keep them out)."
            typeToConfirm={tenant.slug}
            disabled={!operator.canWrite}
          />
        }
      />
      <TenantTabs slug={tenant.slug} current="/sessions" />
      <h2 className="mb-2 text-sm font-semibold">Active revocations</h2>
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-2">Type</th>
              <th className="px-4 py-2">Subject</th>
              <th className="px-4 py-2">Since</th>
              <th className="px-4 py-2">Remaining TTL</th>
            </tr>
          </thead>
          <tbody>
            {revocations.map((r) => (
              <tr key={`${r.type}:${r.id}`} className="border-b border-slate-100 last:border-0">
                <td className="px-4 py-2">{r.type === "stale" ? "claims re-issue" : r.type}</td>
                <td className="px-4 py-2">
                  <code className="text-xs">{r.email ?? r.id}</code>
                </td>
                <td className="px-4 py-2">{r.sinceIso.slice(0, 19).replace("T", " ")}</td>
                <td className="px-4 py-2">{formatTtl(r.ttlSeconds)}</td>
              </tr>
            ))}
            {revocations.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                  No active revocations.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <h2 className="mb-2 text-sm font-semibold">Active sessions</h2>
      <SessionsTable slug={tenant.slug} sessions={sessions} canWrite={operator.canWrite} showUser />
    </>
  );
}

function formatTtl(seconds: number): string {
  if (seconds < 0) return "no expiry";
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d ? `${d}d ${h}h` : h ? `${h}h ${m}m` : `${m}m ${seconds % 60}s`;
}
