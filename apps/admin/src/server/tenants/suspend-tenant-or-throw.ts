// Suspension = registry status "suspended" (the gate serves the suspended page for the host)
// + tenant revocation epoch (every existing token dies on its next request) + the status on the
// revocation change log (every running web process shows the suspended page within a second,
// whatever its tenant cache says).
import { getRevocationStore } from "../revocation-store";
import { runRedisWriteOrThrow } from "../sessions/run-redis-write-or-throw";
import { getAdminTenancy } from "../tenancy";
import { mapTenancyError } from "./map-tenancy-error";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";

export async function suspendTenantOrThrow(slug: string): Promise<TenantView> {
  const before = await getTenantOrThrow(slug);
  try {
    await getAdminTenancy().suspendTenant(before.id);
  } catch (error) {
    throw mapTenancyError(error);
  }
  const store = getRevocationStore();
  await runRedisWriteOrThrow(() => store.revokeTenant(before.id));
  await runRedisWriteOrThrow(() => store.publishTenantStatus(before.id, "suspended"));
  return getTenantOrThrow(slug);
}
