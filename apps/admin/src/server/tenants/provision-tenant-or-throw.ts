// Creates a tenant via @repo/tenancy (database + migrations + built-in roles + registry row,
// all or nothing). Tenancy's coded errors answer as they are (ApiError subclasses).
import type { ProvisionProgressStep, ProvisionTenantOptions } from "@repo/tenancy";
import type { CreateTenantInput } from "../../schemas/tenant-schemas";
import { ApiError } from "@repo/api-errors";
import { toTenantView, type TenantView } from "./tenant-view";
import type { RecordAudit } from "../http/with-operator";
import { getTenancy } from "@/server/admin-root";

export async function provisionTenantOrThrow(
  input: CreateTenantInput,
  recordAudit: RecordAudit,
  onProgress?: (step: ProvisionProgressStep) => void,
): Promise<TenantView> {
  try {
    const inTransaction: NonNullable<ProvisionTenantOptions["inTransaction"]> = (tx, t) =>
      recordAudit(tx, { tenantId: t.id, tenantSlug: t.slug });
    const tenant = await getTenancy().provisionTenant(input, { onProgress, inTransaction });
    return toTenantView({ ...tenant, updatedAt: tenant.createdAt });
  } catch (error) {
    // Tenancy's coded errors (slug taken, no server, …) carry their own status and fields.
    if (error instanceof ApiError) throw error;
    // Not a coded error: provisioning only talks to database servers, so this is one
    // being unreachable (e.g. finishing an earlier attempt's cleanup on a server that is down).
    console.error("[admin] provisioning failed", error);
    throw new ApiError(
      "service_unavailable",
      "A database server did not answer while provisioning. Nothing was activated; retry when the server is back.",
    );
  }
}
