// Node-side auth singletons for the web app: the signing/verification key set, the
// revocation store and the session-cookie name, built once from env and shared by the proxy,
// Auth.js, requireSession and the JWKS route.
import { createRevocationRedis, createRevocationStore, type RevocationStore } from "@repo/auth/revocation";
import { createKeySetCache, type KeySet } from "@repo/auth/token";
import { getEnv } from "@/env";

const loadKeySet = createKeySetCache();
let revocationStore: RevocationStore | undefined;

export function getKeySet(): Promise<KeySet> {
  return loadKeySet(getEnv().AUTH_SIGNING_KEYS);
}

/** Fails fast (REVOCATION_TIMEOUT_MS, no retries) and closed by default: see REVOCATION_FAIL_MODE. */
export function getRevocationStore(): RevocationStore {
  if (!revocationStore) {
    const env = getEnv();
    revocationStore = createRevocationStore({
      redis: createRevocationRedis({
        url: env.UPSTASH_REDIS_REST_URL,
        token: env.UPSTASH_REDIS_REST_TOKEN,
        timeoutMs: env.REVOCATION_TIMEOUT_MS,
      }),
      timeoutMs: env.REVOCATION_TIMEOUT_MS,
      failMode: env.REVOCATION_FAIL_MODE,
      maxSessionAgeSeconds: env.AUTH_ABSOLUTE_SESSION_CAP,
    });
  }
  return revocationStore;
}
