// Asked by the proxy before a tenant's console page renders: can that tenant's database (and the
// control plane) serve it right now? A page cannot become a 503 once Next has streamed its
// shell (the console's loading state), so the answer must come first. Node only; the probe is
// the tenancy's `isTenantDatabaseAvailable` (one `select 1`, cached ≤ 2 s per tenant).
import { isDatabaseUnavailable } from "@repo/tenancy";
import { getAdminTenancy } from "../tenancy";

const TENANT_PAGE = /^\/tenants\/([^/]+)(?:\/|$)/;

export type PageAvailability = { ok: true } | { ok: false; message: string; retryAfterSeconds: number };

const AVAILABLE: PageAvailability = { ok: true };

/** `{ ok: false }` when `pathname` is a tenant's page and that tenant's data can't be reached. */
export async function checkTenantPageAvailability(pathname: string): Promise<PageAvailability> {
  const segment = TENANT_PAGE.exec(pathname)?.[1];
  if (!segment || segment === "new") return AVAILABLE;
  const tenancy = getAdminTenancy();
  try {
    const tenant = await tenancy.resolveTenant(decodeURIComponent(segment).toLowerCase());
    // Unknown, provisioning or deleting tenants: the page itself says so (404 / its status).
    if (!tenant || (tenant.status !== "active" && tenant.status !== "suspended")) return AVAILABLE;
    if (await tenancy.isTenantDatabaseAvailable(tenant.id)) return AVAILABLE;
    return {
      ok: false,
      message: `The database of tenant "${tenant.slug}" can't be reached right now; other tenants are not affected.`,
      retryAfterSeconds: 5,
    };
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      return { ok: false, message: "The control-plane database can't be reached right now.", retryAfterSeconds: 1 };
    }
    return AVAILABLE; // anything else (a malformed slug, …) is the page's to answer
  }
}
