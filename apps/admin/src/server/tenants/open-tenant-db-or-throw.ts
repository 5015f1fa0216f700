// The admin app's only door to a tenant database: `getTenantDb(tenant.id)` from @repo/tenancy,
// with the tenant resolved from the registry by the slug in the URL (operators act across
// tenants by design; the slug names which one — there is no token tenant to match here).
import type { TenantDb } from "@repo/db/tenant";
import { assertTenantDbReadyOrThrow, getTenantOrThrow } from "./get-tenant-or-throw";
import type { TenantView } from "./tenant-view";
import { getTenancy } from "@/server/admin-root";

export async function openTenantDbOrThrow(slug: string): Promise<{ tenant: TenantView; db: TenantDb }> {
  const tenant = await getTenantOrThrow(slug);
  assertTenantDbReadyOrThrow(tenant);
  return { tenant, db: getTenantDbFor(tenant) };
}

export function getTenantDbFor(tenant: TenantView): TenantDb {
  return getTenancy().getTenantDb(tenant.id);
}
