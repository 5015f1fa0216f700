// Delete = kill every session first (tenant epoch), then drop the database and registry row.
import { runRedisWriteOrThrow } from "../sessions/run-redis-write-or-throw";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";
import type { RecordAudit } from "../http/with-operator";
import { getRevocationStore, getTenancy } from "@/server/admin-root";

export async function deleteTenantOrThrow(slug: string, recordAudit: RecordAudit): Promise<TenantView> {
  const tenant = await getTenantOrThrow(slug);
  const store = getRevocationStore();
  await runRedisWriteOrThrow(() => store.revokeTenant(tenant.id));
  await runRedisWriteOrThrow(() => store.publishTenantStatus(tenant.id, "deleting"));
  await getTenancy().deleteTenant(tenant.id, {
    inTransaction: (tx, t) => recordAudit(tx, { tenantId: t.id, tenantSlug: t.slug }),
  });
  return tenant;
}
