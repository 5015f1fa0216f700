// Looks a tenant up by slug in the registry (uncached: operators must see the current status).
import { eq } from "drizzle-orm";
import { tenants } from "@repo/db/control-plane";
import { ApiError } from "@repo/api-errors";
import { getControlPlane } from "../control-plane";
import { toTenantView, type TenantView } from "./tenant-view";

export async function getTenantOrThrow(slug: string): Promise<TenantView> {
  const [row] = await getControlPlane().select().from(tenants).where(eq(tenants.slug, slug.toLowerCase()));
  if (!row) throw new ApiError("not_found", `No tenant "${slug}".`);
  return toTenantView(row);
}

/** Tenant-DB operations need a database that exists and is not being torn down. */
export function assertTenantDbReadyOrThrow(tenant: TenantView): void {
  if (tenant.status === "provisioning" || tenant.status === "deleting") {
    throw new ApiError(
      "conflict",
      `Tenant "${tenant.slug}" is ${tenant.status}; try again when it is active or suspended.`,
    );
  }
}
