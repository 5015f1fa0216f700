import { headers } from "next/headers";
import { resolveTenant, type Tenant } from "@repo/tenancy";
import { parseTenantSlug } from "@repo/tenancy/host";
import { getEnv } from "@/env";

/**
 * The tenant named by this request's `Host` header (never X-Forwarded-Host unless
 * TRUST_FORWARDED_HOST), or null for the apex, unknown or malformed hosts.
 */
export async function getHostTenant(): Promise<Tenant | null> {
  const env = getEnv();
  const requestHeaders = await headers();
  const host = (env.TRUST_FORWARDED_HOST && requestHeaders.get("x-forwarded-host")) || requestHeaders.get("host");
  const slug = parseTenantSlug(host, env.ROOT_DOMAIN);
  return slug ? resolveTenant(slug) : null;
}
