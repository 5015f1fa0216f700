// Resolves the signing key set at request time (never at import). Node only.
// Production without AUTH_SIGNING_KEYS refuses to run with one clear line; development (and
// CI, which runs production builds without secrets) falls back to persisted dev keys.
import { currentDirectory, loadAuthEnv } from "../env";
import { createKeySetCache, type KeySet } from "../token/index";
import { findRepoRoot, loadOrCreateDevKeys } from "./dev-keys";

export class AuthConfigError extends Error {
  readonly code = "auth_config_invalid";
  constructor(message: string) {
    super(message);
    this.name = "AuthConfigError";
  }
}

const importCached = createKeySetCache();
let devKeys: Promise<string> | undefined;

/**
 * True for a production server (`NODE_ENV=production`, which `next start` sets). Fails closed:
 * no other variable (e.g. `CI`) relaxes it — E2E and local `next start` runs pass explicit
 * `AUTH_SIGNING_KEYS` / `AUTH_COOKIE_SECURE` instead.
 */
export function isProductionDeployment(): boolean {
  return loadAuthEnv().NODE_ENV === "production";
}

/** The private JWK set JSON in effect (env, or persisted dev keys). */
export async function getSigningKeysJson(): Promise<string> {
  const env = loadAuthEnv();
  if (env.AUTH_SIGNING_KEYS) return env.AUTH_SIGNING_KEYS;
  if (isProductionDeployment()) {
    const message =
      "AUTH_SIGNING_KEYS is not set: refusing to start in production. Run `pnpm auth:keys generate` and set it.";
    console.error(`[@repo/auth] ${message}`);
    throw new AuthConfigError(message);
  }
  devKeys ??= loadOrCreateDevKeys(findRepoRoot(currentDirectory()));
  return devKeys;
}

/** The imported key set (memoised per JSON value). */
export async function getSigningKeys(): Promise<KeySet> {
  return importCached(await getSigningKeysJson());
}
