// Node-side auth singletons for the web app, all from @repo/auth's settings so the proxy,
// Auth.js, the session guards and the JWKS route share one key set, one revocation store and
// one cookie name.
import { sessionCookieName } from "@repo/auth/config";
import { getAuthSettings, getRevocationStore, getSigningKeys, type AuthSettings } from "@repo/auth/settings";
import type { RevocationStore } from "@repo/auth/revocation";
import type { KeySet } from "@repo/auth/token";

export function getKeySet(): Promise<KeySet> {
  return getSigningKeys();
}

/** Fails fast (REVOCATION_TIMEOUT_MS, no retries) and closed by default (REVOCATION_FAIL_MODE). */
export function getSessionRevocationStore(): RevocationStore {
  return getRevocationStore();
}

export function getSettings(): AuthSettings {
  return getAuthSettings();
}

/** The tenant session cookie (host-only; `__Host-` prefixed when cookies are secure). */
export function getSessionCookieName(): string {
  return sessionCookieName("tenant", getAuthSettings().secureCookies);
}
