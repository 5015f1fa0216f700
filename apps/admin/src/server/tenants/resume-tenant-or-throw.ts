// Resume = status "active". The suspension's tenant epoch stays: sessions from before it
// remain dead, so users sign in again (fresh tokens are issued after the epoch).
import { appendEvent, type EventActor } from "@repo/webhooks/events";
import { requestRelay } from "../events/request-relay";
import { getAdminTenancy } from "../tenancy";
import { mapTenancyError } from "./map-tenancy-error";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";

export async function resumeTenantOrThrow(slug: string, actor: EventActor): Promise<TenantView> {
  const before = await getTenantOrThrow(slug);
  try {
    // The `tenant.resumed` event commits with the status change (control-plane outbox).
    await getAdminTenancy().resumeTenant(before.id, {
      inTransaction: (tx, tenant) => appendEvent(tx, { type: "tenant.resumed", data: { actor } }, { tenantId: tenant.id }),
    });
  } catch (error) {
    throw mapTenancyError(error);
  }
  requestRelay({ controlPlane: true });
  return getTenantOrThrow(slug);
}
