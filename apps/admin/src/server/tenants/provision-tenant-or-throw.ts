// Creates a tenant via @repo/tenancy (database + migrations + built-in roles + registry row,
// all or nothing). Tenancy's coded errors become actionable API errors.
import type { CreateTenantInput } from "../../schemas/tenant-schemas";
import { getAdminTenancy } from "../tenancy";
import { mapTenancyError } from "./map-tenancy-error";
import { toTenantView, type TenantView } from "./tenant-view";

export async function provisionTenantOrThrow(input: CreateTenantInput): Promise<TenantView> {
  try {
    const tenant = await getAdminTenancy().provisionTenant(input);
    return toTenantView({ ...tenant, updatedAt: tenant.createdAt });
  } catch (error) {
    throw mapTenancyError(error);
  }
}
