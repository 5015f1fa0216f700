// SSO settings from the environment (Node). The client-secret key is required in production;
// dev derives one from the signing keys (both apps share them), so rotating dev keys means
// re-saving a connection's secret.
import { createHash } from "node:crypto";
import { loadAuthEnv } from "../env";
import { AuthConfigError, getSigningKeysJson, isProductionDeployment } from "../settings/index";
import type { SocialCredentials } from "./build-sign-in-providers";
import { importSsoSecretKey } from "./seal-client-secret";

let keyPromise: Promise<CryptoKey> | undefined;

/** The AES-GCM key that seals IdP client secrets (`SSO_SECRET_KEY`). */
export function getSsoSecretKey(): Promise<CryptoKey> {
  keyPromise ??= (async () => {
    const env = loadAuthEnv();
    if (env.SSO_SECRET_KEY) return importSsoSecretKey(env.SSO_SECRET_KEY);
    if (isProductionDeployment()) {
      throw new AuthConfigError("SSO_SECRET_KEY is not set: SSO connections cannot be read or saved in production.");
    }
    const derived = createHash("sha256")
      .update("repo-auth:sso-secret-key:")
      .update(await getSigningKeysJson())
      .digest("base64url");
    return importSsoSecretKey(derived);
  })().catch((error: unknown) => {
    keyPromise = undefined;
    throw error;
  });
  return keyPromise;
}

/** Platform-wide social sign-in, following Auth.js's `AUTH_<PROVIDER>_ID/SECRET` convention. */
export function getSocialCredentials(): SocialCredentials {
  const env = loadAuthEnv();
  const pair = (id: string | undefined, secret: string | undefined) =>
    id && secret ? { clientId: id, clientSecret: secret } : undefined;
  return {
    google: pair(env.AUTH_GOOGLE_ID, env.AUTH_GOOGLE_SECRET),
    github: pair(env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET),
  };
}
