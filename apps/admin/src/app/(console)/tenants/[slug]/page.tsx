import { ApiConfirmButton } from "@/components/api-confirm-button";
import { PageHeader } from "@/components/page-header";
import { StatCard } from "@/components/stat-card";
import { StatusBadge } from "@/components/status-badge";
import { TenantTabs } from "@/components/tenant-tabs";
import { loadAdminEnv } from "@/env";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { getTenantDetailOrThrow } from "@/server/tenants/get-tenant-detail-or-throw";
import { loadOrNotFound } from "@/server/http/load-or-not-found";

export default async function TenantPage({ params }: { params: Promise<{ slug: string }> }) {
  const operator = await requirePageOperator();
  const { slug } = await params;
  const tenant = await loadOrNotFound(() => getTenantDetailOrThrow(slug));
  const canWrite = operator.canWrite;
  const url = `http://${tenant.slug}.${loadAdminEnv().ROOT_DOMAIN}`;
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={
          <span className="flex items-center gap-2">
            <code>{tenant.slug}</code>
            <StatusBadge status={tenant.status} />
            <a className="underline" href={url}>
              {url}
            </a>
          </span>
        }
        actions={
          <>
            {tenant.status === "active" ? (
              <ApiConfirmButton
                method="POST"
                path={`/tenants/${tenant.slug}/suspend`}
                label="Suspend"
                title={`Suspend ${tenant.name}?`}
                description="Every session of this tenant is revoked at once and its users see the suspended page on their next request. You can resume later."
                disabled={!canWrite}
              />
            ) : null}
            {tenant.status === "suspended" ? (
              <ApiConfirmButton
                method="POST"
                path={`/tenants/${tenant.slug}/resume`}
                label="Resume"
                variant="secondary"
                title={`Resume ${tenant.name}?`}
                description="Users can sign in again. Sessions revoked by the suspension stay revoked."
                disabled={!canWrite}
              />
            ) : null}
            <ApiConfirmButton
              method="DELETE"
              path={`/tenants/${tenant.slug}`}
              body={{ confirm: tenant.slug }}
              label="Delete"
              variant="danger"
              title={`Delete ${tenant.name} permanently?`}
              description="Its database is dropped with all users and data. This cannot be undone."
              typeToConfirm={tenant.slug}
              redirectTo="/tenants"
              disabled={!canWrite}
            />
          </>
        }
      />
      <TenantTabs slug={tenant.slug} current="" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          label="Members"
          value={tenant.memberCount ?? "—"}
          detail={tenant.disabledCount ? `${tenant.disabledCount} disabled` : undefined}
        />
        <StatCard label="Active sessions" value={tenant.activeSessionCount ?? "—"} />
        <StatCard
          label="Server"
          value={<span className="text-base">{tenant.serverName}</span>}
          detail={tenant.databaseName}
        />
        <StatCard label="Created" value={<span className="text-base">{tenant.createdAt.slice(0, 10)}</span>} />
      </div>
      {tenant.statsError ? (
        <p className="mt-4 text-sm text-amber-800">Counts unavailable: {tenant.statsError}</p>
      ) : null}
    </>
  );
}
