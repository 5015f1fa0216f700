// Resume = status "active". The suspension's tenant epoch stays: sessions from before it
// remain dead, so users sign in again (fresh tokens are issued after the epoch).
import { getAdminTenancy } from "../tenancy";
import { mapTenancyError } from "./map-tenancy-error";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";
import type { RecordAudit } from "../http/with-operator";

export async function resumeTenantOrThrow(slug: string, recordAudit: RecordAudit): Promise<TenantView> {
  const before = await getTenantOrThrow(slug);
  try {
    await getAdminTenancy().resumeTenant(before.id, { inTransaction: (tx, t) => recordAudit(tx, { tenantId: t.id, tenantSlug: t.slug }) });
  } catch (error) {
    throw mapTenancyError(error);
  }
  return getTenantOrThrow(slug);
}
