// The admin app's revocation store (writes + listings). Same Redis keys the web gate reads.
// Admin writes are not on a hot path, so the time budget is generous and a failure surfaces
// as a 503 to the operator instead of being silently skipped.
import { createRevocationRedis, createRevocationStore, type RevocationStore } from "@repo/auth/revocation";
import { getAuthSettings } from "@repo/auth/settings";
import { loadAdminEnv } from "../env";

let store: RevocationStore | undefined;

export function getRevocationStore(): RevocationStore {
  if (store) return store;
  const env = loadAdminEnv();
  const timeoutMs = env.ADMIN_REVOCATION_TIMEOUT_MS;
  store = createRevocationStore({
    redis: createRevocationRedis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, timeoutMs }),
    timeoutMs,
    failMode: "closed",
    maxSessionAgeSeconds: getAuthSettings().absoluteSessionCap,
  });
  return store;
}
