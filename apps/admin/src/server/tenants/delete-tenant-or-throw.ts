// Delete = kill every session first (tenant epoch), then drop the database and registry row.
import { getRevocationStore } from "../revocation-store";
import { runRedisWriteOrThrow } from "../sessions/run-redis-write-or-throw";
import { getAdminTenancy } from "../tenancy";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";
import type { RecordAudit } from "../http/with-operator";

export async function deleteTenantOrThrow(slug: string, recordAudit: RecordAudit): Promise<TenantView> {
  const tenant = await getTenantOrThrow(slug);
  const store = getRevocationStore();
  await runRedisWriteOrThrow(() => store.revokeTenant(tenant.id));
  await runRedisWriteOrThrow(() => store.publishTenantStatus(tenant.id, "deleting"));
  await getAdminTenancy().deleteTenant(tenant.id, {
    inTransaction: (tx, t) => recordAudit(tx, { tenantId: t.id, tenantSlug: t.slug }),
  });
  return tenant;
}
