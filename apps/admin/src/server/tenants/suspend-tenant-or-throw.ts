// Suspension = registry status "suspended" (the gate serves the suspended page for the host)
// + tenant revocation epoch (every existing token dies on its next request) + the status on the
// revocation change log (every running web process shows the suspended page within a second,
// whatever its tenant cache says).
import { appendEvent, type EventActor } from "@repo/webhooks/events";
import { requestRelay } from "../events/request-relay";
import { runRedisWriteOrThrow } from "../sessions/run-redis-write-or-throw";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";
import type { RecordAudit } from "../http/with-operator";
import { getRevocationStore, getTenancy } from "@/server/admin-root";

export async function suspendTenantOrThrow(
  slug: string,
  actor: EventActor,
  recordAudit: RecordAudit,
): Promise<TenantView> {
  const before = await getTenantOrThrow(slug);
  // The audit entry and the `tenant.suspended` event (control-plane outbox) commit with the status change;
  // the event only when the status actually changed.
  await getTenancy().suspendTenant(before.id, {
    inTransaction: async (tx, t) => {
      await recordAudit(tx, { tenantId: t.id, tenantSlug: t.slug });
      if (before.status !== t.status)
        await appendEvent(tx, { type: "tenant.suspended", data: { actor } }, { tenantId: t.id });
    },
  });
  requestRelay({ controlPlane: true });
  const store = getRevocationStore();
  await runRedisWriteOrThrow(() => store.revokeTenant(before.id));
  await runRedisWriteOrThrow(() => store.publishTenantStatus(before.id, "suspended"));
  return getTenantOrThrow(slug);
}
