// Resume = status "active". The suspension's tenant epoch stays: sessions from before it
// remain dead, so users sign in again (fresh tokens are issued after the epoch). The status is
// published on the revocation change log, so every web process lets the tenant in within a second;
// if that write fails the operator gets a 503 and retries (resume is idempotent).
import { runRedisWriteOrThrow } from "../sessions/run-redis-write-or-throw";
import { appendEvent, type EventActor } from "@repo/webhooks/events";
import { requestRelay } from "../events/request-relay";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";
import type { RecordAudit } from "../http/with-operator";
import { getRevocationStore, getTenancy } from "@/server/admin-root";

export async function resumeTenantOrThrow(
  slug: string,
  actor: EventActor,
  recordAudit: RecordAudit,
): Promise<TenantView> {
  const before = await getTenantOrThrow(slug);
  // The audit entry and the `tenant.resumed` event (control-plane outbox) commit with the status change;
  // the event only when the status actually changed.
  await getTenancy().resumeTenant(before.id, {
    inTransaction: async (tx, t) => {
      await recordAudit(tx, { tenantId: t.id, tenantSlug: t.slug });
      if (before.status !== t.status)
        await appendEvent(tx, { type: "tenant.resumed", data: { actor } }, { tenantId: t.id });
    },
  });
  requestRelay({ controlPlane: true });
  await runRedisWriteOrThrow(() => getRevocationStore().publishTenantStatus(before.id, "active"));
  return getTenantOrThrow(slug);
}
