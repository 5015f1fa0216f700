// Builds the gate's options once from env (Node side: tenancy lookups and the refresh hook
// need the database; the gate itself stays web-standard).
import type { GateOptions } from "@repo/auth/gate";
import { resolveTenant } from "@repo/tenancy";
import { parseTenantSlug } from "@repo/tenancy/host";
import { getEnv } from "@/env";
import { getKeySet, getSessionCookieName, getSessionRevocationStore, getSettings } from "./auth-runtime";
import { refreshClaims } from "./refresh-claims";
import { publicRoutes, routePolicy } from "./route-policy";

let options: GateOptions | undefined;

export function getGateOptions(): GateOptions {
  if (!options) {
    const settings = getSettings();
    options = {
      keys: getKeySet,
      issuer: settings.issuer,
      rootDomain: getEnv().ROOT_DOMAIN,
      // The tenancy registry caches lookups (TENANT_CACHE_TTL_MS), so this is not a DB hit per request.
      resolveTenant: async (slug) => {
        const tenant = await resolveTenant(slug);
        return tenant && { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status };
      },
      parseTenantSlug,
      revocation: getSessionRevocationStore(),
      policy: routePolicy,
      publicRoutes,
      cookieName: getSessionCookieName(),
      refreshClaims,
      trustForwardedHost: settings.trustForwardedHost,
      maxSessionAgeSeconds: settings.absoluteSessionCap,
    };
  }
  return options;
}
