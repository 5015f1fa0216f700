// What the admin proxy needs, resolved on the Node side (keys from env or dev keys, issuer,
// session lifetimes, the cookie name Auth.js writes, the revocation store) and registered at
// server start in the proxy's port (proxy-runtime.ts), so proxy.ts itself stays web-standard.
// Node code (the API and pages re-verifying the cookie) calls getProxyOptions() directly.
import type { SecurityHeaderOptions } from "@repo/auth/http";
import { isProductionDeployment } from "@repo/auth/settings";
import type { KeySet } from "@repo/auth/token";
import type { RevocationStore } from "@repo/auth/revocation";
import { loadAdminEnv } from "../../env";
import { operatorCookieName } from "./operator-session-settings";
import { getKeySet, getRevocationStore, getSettings } from "@/server/admin-root";

export type AdminProxyOptions = {
  keys: KeySet;
  issuer: string;
  sessionMaxAgeSeconds: number;
  maxSessionAgeSeconds: number;
  cookieName: string;
  revocation: RevocationStore;
  /** The console's public origin (ADMIN_ORIGIN): the only host it answers. */
  adminOrigin: string;
  trustForwardedHost: boolean;
};

export async function getProxyOptions(): Promise<AdminProxyOptions> {
  const settings = getSettings();
  return {
    keys: await getKeySet(),
    issuer: settings.issuer,
    sessionMaxAgeSeconds: settings.sessionMaxAge,
    maxSessionAgeSeconds: settings.absoluteSessionCap,
    cookieName: operatorCookieName(settings.secureCookies),
    revocation: getRevocationStore(),
    adminOrigin: loadAdminEnv().ADMIN_ORIGIN,
    trustForwardedHost: settings.trustForwardedHost,
  };
}

/** Strict CSP in production builds; HSTS only when served over HTTPS (secure cookies). */
export function getSecurityHeaderSettings(): SecurityHeaderOptions {
  return { isProduction: isProductionDeployment(), isHttps: getSettings().secureCookies };
}
