// @repo/auth/settings — env-derived settings, signing keys (lazy), the default revocation
// store. Node only (dev keys persist to disk). Safe to import from Next 16 `proxy.ts`.
export { AuthConfigError, getSigningKeys, getSigningKeysJson, isProductionDeployment } from "./signing-keys";
export { loadAuthSettings, type AuthSettings } from "./load-auth-settings";
export {
  createRevocationStoreFromSettings,
  type RevocationStoreOptions,
} from "./create-revocation-store-from-settings";
export { findRepoRoot } from "./dev-keys";
