// Resume = status "active". The suspension's tenant epoch stays: sessions from before it
// remain dead, so users sign in again (fresh tokens are issued after the epoch). The status is
// published on the revocation change log, so every web process lets the tenant in within a second;
// if that write fails the operator gets a 503 and retries (resume is idempotent).
import { getRevocationStore } from "../revocation-store";
import { runRedisWriteOrThrow } from "../sessions/run-redis-write-or-throw";
import { getAdminTenancy } from "../tenancy";
import { mapTenancyError } from "./map-tenancy-error";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";

export async function resumeTenantOrThrow(slug: string): Promise<TenantView> {
  const before = await getTenantOrThrow(slug);
  try {
    await getAdminTenancy().resumeTenant(before.id);
  } catch (error) {
    throw mapTenancyError(error);
  }
  await runRedisWriteOrThrow(() => getRevocationStore().publishTenantStatus(before.id, "active"));
  return getTenantOrThrow(slug);
}
