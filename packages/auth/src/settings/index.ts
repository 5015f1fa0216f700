// @repo/auth/settings — env-derived settings, signing keys (lazy), the default revocation
// store. Node only (dev keys persist to disk). Safe to import from Next 16 `proxy.ts`.
export { AuthConfigError, getSigningKeys, getSigningKeysJson, isProductionDeployment } from "./signing-keys";
export { getAuthSettings, getRevocationStore, type AuthSettings } from "./auth-settings";
export { findRepoRoot } from "./dev-keys";
