// Builds the gate's options once (Node side: tenant lookups and the claims-refresh hook need
// the database; the gate itself stays web-standard).
import type { GateOptions } from "@repo/auth/gate";
import type { SecurityHeaderOptions } from "@repo/auth/http";
import { isProductionDeployment } from "@repo/auth/settings";
import { parseTenantSlug } from "@repo/tenancy/host";
import { getEnv } from "@/env";
import { publicRoutes, routePolicy } from "./route-policy";
import { tenantAuth } from "./tenant-auth";
import { resolveTenantBySlug } from "./tenant-auth-deps";
import { getKeySet, getSessionCookieName, getSessionRevocationStore, getSettings } from "@/server/web-root";

let options: GateOptions | undefined;

export function getGateOptions(): GateOptions {
  if (!options) {
    const settings = getSettings();
    options = {
      keys: getKeySet,
      issuer: settings.issuer,
      rootDomain: getEnv().ROOT_DOMAIN,
      // The tenancy registry caches lookups (TENANT_CACHE_TTL_MS): not a DB hit per request.
      resolveTenant: resolveTenantBySlug,
      parseTenantSlug,
      revocation: getSessionRevocationStore(),
      policy: routePolicy,
      publicRoutes,
      cookieName: getSessionCookieName(),
      // Stale claims (role change): re-read roles via getTenantDb and re-sign the same session.
      refreshClaims: tenantAuth.refreshClaims,
      trustForwardedHost: settings.trustForwardedHost,
      maxSessionAgeSeconds: settings.absoluteSessionCap,
    };
  }
  return options;
}

/** Strict CSP in production builds; HSTS only when served over HTTPS (secure cookies). */
export function getSecurityHeaderSettings(): SecurityHeaderOptions {
  return { isProduction: isProductionDeployment(), isHttps: getSettings().secureCookies };
}
