// The admin app's revocation store (writes + listings). Same Redis keys the web gate reads.
// Admin writes are not on a hot path, so the time budget is generous and a failure surfaces
// as a 503 to the operator instead of being silently skipped.
import { createRevocationRedis, createRevocationStore, type RevocationStore } from "@repo/auth/revocation";
import { env } from "../env";

let store: RevocationStore | undefined;

export function getRevocationStore(): RevocationStore {
  store ??= createRevocationStore({
    redis: createRevocationRedis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, timeoutMs: 3000 }),
    timeoutMs: 3000,
    failMode: "closed",
  });
  return store;
}
