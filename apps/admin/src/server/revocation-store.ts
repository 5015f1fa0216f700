// The admin app's revocation store: writes + listings go to Redis (and its change log) within the
// one Redis budget — a failure surfaces as a 503 to the operator instead of being skipped — and
// operator-session checks read the local snapshot (no round trip per request).
import {
  createRevocationRedis,
  createRevocationStore,
  createSnapshotRevocationStore,
  type RevocationStore,
} from "@repo/auth/revocation";
import { getAuthSettings } from "@repo/auth/settings";
import { loadAdminEnv } from "../env";

let store: RevocationStore | undefined;

export function getRevocationStore(): RevocationStore {
  if (store) return store;
  const env = loadAdminEnv();
  // The one Redis budget (REVOCATION_TIMEOUT_MS) for both apps: a frozen Redis costs an admin
  // request no more than a tenant request.
  const timeoutMs = getAuthSettings().revocationTimeoutMs;
  const redis = createRevocationRedis({
    url: env.UPSTASH_REDIS_REST_URL,
    token: env.UPSTASH_REDIS_REST_TOKEN,
    timeoutMs,
  });
  const source = createRevocationStore({
    redis,
    timeoutMs,
    failMode: "closed",
    maxSessionAgeSeconds: getAuthSettings().absoluteSessionCap,
  });
  const snapshot = createSnapshotRevocationStore({ redis, source, mode: "background", failMode: "closed" });
  void snapshot.start();
  store = snapshot;
  return store;
}
