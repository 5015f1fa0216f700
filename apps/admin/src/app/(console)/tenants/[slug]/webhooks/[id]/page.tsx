import { getWebhookEndpointOrThrow, listWebhookDeliveries } from "@repo/webhooks/endpoints";
import { ApiConfirmButton } from "@/components/api-confirm-button";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { TenantTabs } from "@/components/tenant-tabs";
import { requirePageOperator } from "@/server/auth/require-page-operator";
import { getControlPlane } from "@/server/control-plane";
import { loadOrNotFound } from "@/server/http/load-or-not-found";
import { parseInputOrThrow } from "@/server/http/parse-input-or-throw";
import { getTenantOrThrow } from "@/server/tenants/get-tenant-or-throw";
import { webhookIdSchema } from "@/schemas/webhook-schemas";
import { RetryDeliveryButton } from "./retry-delivery-button";

export default async function WebhookDeliveriesPage(props: { params: Promise<{ slug: string; id: string }> }) {
  const operator = await requirePageOperator();
  const params = await props.params;
  const { tenant, webhook, deliveries } = await loadOrNotFound(async () => {
    const id = parseInputOrThrow(webhookIdSchema, params.id);
    const t = await getTenantOrThrow(params.slug);
    const db = getControlPlane();
    return {
      tenant: t,
      webhook: await getWebhookEndpointOrThrow(db, t.id, id),
      deliveries: await listWebhookDeliveries(db, t.id, id),
    };
  });
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={`Webhook ${webhook.url}`}
        actions={
          <ApiConfirmButton
            method="DELETE"
            path={`/tenants/${tenant.slug}/webhooks/${webhook.id}`}
            label="Delete endpoint"
            variant="dangerOutline"
            title="Delete this webhook endpoint?"
            description="Deliveries stop at once, and its delivery log is deleted with it."
            disabled={!operator.canWrite}
            redirectTo={`/tenants/${tenant.slug}/webhooks`}
          />
        }
      />
      <TenantTabs slug={tenant.slug} current="/webhooks" />
      <p className="mb-4 text-sm">
        <StatusBadge status={webhook.status} />{" "}
        <span className="ml-2 text-slate-600">Events: {webhook.events.join(", ")}</span>
        {webhook.disabledReason ? <span className="ml-2 text-red-700">{webhook.disabledReason}</span> : null}
      </p>
      {webhook.status === "disabled" ? (
        <div className="mb-4">
          <ApiConfirmButton
            method="POST"
            path={`/tenants/${tenant.slug}/webhooks/${webhook.id}/enable`}
            label="Re-enable endpoint"
            title="Re-enable this webhook endpoint?"
            description="Events from now on are delivered to it again, with the same signing secret. Deliveries that failed while it was disabled can be retried one by one below."
            disabled={!operator.canWrite}
          />
        </div>
      ) : null}
      <h2 className="mb-2 text-sm font-semibold">Delivery log</h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="delivery-log">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-2">Event</th>
              <th className="px-4 py-2">Status</th>
              <th className="px-4 py-2">Attempts (code · ms)</th>
              <th className="px-4 py-2">Created</th>
              <th className="px-4 py-2" />
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} className="border-b border-slate-100 align-top last:border-0">
                <td className="px-4 py-2">
                  <code className="text-xs">{d.eventType}</code>
                  <div className="text-xs text-slate-500">{d.eventId}</div>
                </td>
                <td className="px-4 py-2">
                  <StatusBadge status={d.status} />
                  {d.nextAttemptAt ? (
                    <div className="text-xs text-slate-500">next {d.nextAttemptAt.slice(11, 19)}</div>
                  ) : null}
                </td>
                <td className="px-4 py-2 text-xs">
                  {d.attempts.map((a, i) => (
                    <div key={i}>
                      {a.at.slice(11, 19)} · {a.statusCode ?? a.error} · {a.durationMs} ms
                    </div>
                  ))}
                </td>
                <td className="px-4 py-2">{d.createdAt.slice(0, 19).replace("T", " ")}</td>
                <td className="px-4 py-2">
                  {operator.canWrite && webhook.status === "enabled" ? (
                    <RetryDeliveryButton
                      path={`/tenants/${tenant.slug}/webhooks/${webhook.id}/deliveries/${d.id}/retry`}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
            {deliveries.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-slate-500">
                  No deliveries yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
