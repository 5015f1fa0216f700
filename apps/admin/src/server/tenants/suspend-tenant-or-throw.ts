// Suspension = registry status "suspended" (the gate serves the suspended page for the host)
// + tenant revocation epoch (every existing token dies on its next request) + the status on the
// revocation change log (every running web process shows the suspended page within a second,
// whatever its tenant cache says).
import { appendEvent, type EventActor } from "@repo/webhooks/events";
import { requestRelay } from "../events/request-relay";
import { getRevocationStore } from "../revocation-store";
import { runRedisWriteOrThrow } from "../sessions/run-redis-write-or-throw";
import { getAdminTenancy } from "../tenancy";
import { mapTenancyError } from "./map-tenancy-error";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";

export async function suspendTenantOrThrow(slug: string, actor: EventActor): Promise<TenantView> {
  const before = await getTenantOrThrow(slug);
  try {
    // The `tenant.suspended` event commits with the status change (control-plane outbox).
    await getAdminTenancy().suspendTenant(before.id, {
      inTransaction: (tx, tenant) => appendEvent(tx, { type: "tenant.suspended", data: { actor } }, { tenantId: tenant.id }),
    });
  } catch (error) {
    throw mapTenancyError(error);
  }
  requestRelay({ controlPlane: true });
  const store = getRevocationStore();
  await runRedisWriteOrThrow(() => store.revokeTenant(before.id));
  await runRedisWriteOrThrow(() => store.publishTenantStatus(before.id, "suspended"));
  return getTenantOrThrow(slug);
}
