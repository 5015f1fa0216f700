// The admin app's revocation store (writes + listings). Same Redis keys the web gate reads, and
// the same time budget (REVOCATION_TIMEOUT_MS): a frozen Redis costs an admin request no more
// than a tenant request. A failure surfaces as a 503 to the operator instead of being skipped.
import { createRevocationRedis, createRevocationStore, type RevocationStore } from "@repo/auth/revocation";
import { getAuthSettings } from "@repo/auth/settings";
import { loadAdminEnv } from "../env";

let store: RevocationStore | undefined;

export function getRevocationStore(): RevocationStore {
  if (store) return store;
  const env = loadAdminEnv();
  const settings = getAuthSettings();
  const timeoutMs = settings.revocationTimeoutMs;
  store = createRevocationStore({
    redis: createRevocationRedis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, timeoutMs }),
    timeoutMs,
    failMode: "closed",
    maxSessionAgeSeconds: settings.absoluteSessionCap,
  });
  return store;
}
