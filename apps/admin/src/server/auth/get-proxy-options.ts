// What the admin proxy needs, resolved on the Node side (keys from env or dev keys, issuer,
// session lifetimes, the cookie name Auth.js writes, the revocation store) and injected, so
// proxy.ts itself stays web-standard.
import { sessionCookieName } from "@repo/auth/config";
import type { SecurityHeaderOptions } from "@repo/auth/http";
import { getAuthSettings, getSigningKeys, isProductionDeployment } from "@repo/auth/settings";
import type { KeySet } from "@repo/auth/token";
import type { RevocationStore } from "@repo/auth/revocation";
import { getRevocationStore } from "../revocation-store";

export type AdminProxyOptions = {
  keys: KeySet;
  issuer: string;
  sessionMaxAgeSeconds: number;
  maxSessionAgeSeconds: number;
  cookieName: string;
  revocation: RevocationStore;
};

export async function getProxyOptions(): Promise<AdminProxyOptions> {
  const settings = getAuthSettings();
  return {
    keys: await getSigningKeys(),
    issuer: settings.issuer,
    sessionMaxAgeSeconds: settings.sessionMaxAge,
    maxSessionAgeSeconds: settings.absoluteSessionCap,
    cookieName: sessionCookieName("operator", settings.secureCookies),
    revocation: getRevocationStore(),
  };
}

/** Strict CSP in production builds; HSTS only when served over HTTPS (secure cookies). */
export function getSecurityHeaderSettings(): SecurityHeaderOptions {
  return { isProduction: isProductionDeployment(), isHttps: getAuthSettings().secureCookies };
}
