// Runs the gate, and re-runs it once with a freshly read tenant when the token died by a
// tenant-wide revocation (suspension or kill switch) — Node side of the proxy.
// The tenant registry cache is per process (TTL `TENANT_CACHE_TTL_MS`): the admin app that
// suspended a tenant invalidated only its own cache. Without this, a suspended tenant's users
// would see the sign-in page until the TTL ran out instead of the suspended page on their next
// request. Costs one control-plane read, only on that (rare) decision.
import { authorizeRequest, type Decision, type GateOptions } from "@repo/auth/gate";
import { getTenancy } from "@repo/tenancy";
import { parseTenantSlug } from "@repo/tenancy/host";

/** `host`: the request's validated host, as the gate reads it. */
export async function authorizeWithFreshTenant(
  request: Request,
  options: GateOptions,
  host: string | null,
): Promise<Decision> {
  const decision = await authorizeRequest(request, options);
  if (decision.type === "allow" || decision.reason !== "revoked:tenant") return decision;
  const slug = parseTenantSlug(host, options.rootDomain);
  if (!slug) return decision;
  getTenancy().invalidateTenant({ slug });
  return authorizeRequest(request, options);
}
