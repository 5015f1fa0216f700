import { type Tenant } from "@repo/tenancy";
import { getTenantById } from "@/server/web-root";

/** The control-plane record of the signed-in tenant (settings page). `tenantId` comes from the session. */
export async function getTenantDetails(tenantId: string): Promise<Tenant> {
  const tenant = await getTenantById(tenantId);
  if (!tenant) throw new Error(`tenant ${tenantId} vanished from the registry`);
  return tenant;
}
