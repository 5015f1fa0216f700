import Link from "next/link";
import { listWebhookEndpoints } from "@repo/webhooks/endpoints";
import { EVENT_TYPES } from "@repo/webhooks/events";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { TenantTabs } from "@/components/tenant-tabs";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { getControlPlane } from "@/server/control-plane";
import { loadOrNotFound } from "@/server/http/load-or-not-found";
import { getTenantOrThrow } from "@/server/tenants/get-tenant-or-throw";
import { CreateWebhookForm } from "./create-webhook-form";

export default async function WebhooksPage(props: { params: Promise<{ slug: string }> }) {
  const operator = await requirePageOperator();
  const { slug } = await props.params;
  const tenant = await loadOrNotFound(() => getTenantOrThrow(slug));
  const webhooks = await listWebhookEndpoints(getControlPlane(), tenant.id);
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={`Webhook endpoints of ${tenant.slug}: signed auth events (Standard Webhooks)`}
      />
      <TenantTabs slug={tenant.slug} current="/webhooks" />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2">URL</th>
                <th className="px-4 py-2">Events</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2">Created</th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((w) => (
                <tr key={w.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-2">
                    <Link className="underline" href={`/tenants/${tenant.slug}/webhooks/${w.id}`}>
                      {w.url}
                    </Link>
                  </td>
                  <td className="px-4 py-2 text-xs">{w.events.join(", ")}</td>
                  <td className="px-4 py-2">
                    <StatusBadge status={w.status} />
                  </td>
                  <td className="px-4 py-2">{w.createdAt.slice(0, 19).replace("T", " ")}</td>
                </tr>
              ))}
              {webhooks.length === 0 ? (
                <tr>
                  <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                    No webhook endpoints yet.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        {operator.canWrite ? <CreateWebhookForm slug={tenant.slug} eventTypes={EVENT_TYPES} /> : null}
      </div>
    </>
  );
}
