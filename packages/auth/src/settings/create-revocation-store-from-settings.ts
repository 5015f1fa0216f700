// The revocation store an app runs with: the local snapshot (background poller over the
// `rv:log` change log) over the Redis store, configured from AuthSettings. A factory: the
// app's composition root calls it once per process and starts loading at once (cold start).
import {
  createRevocationRedis,
  createRevocationStore,
  createSnapshotRevocationStore,
  type SnapshotRevocationStore,
} from "../revocation/index";
import type { AuthSettings } from "./load-auth-settings";

export type RevocationStoreOptions = {
  /** Default: `settings.revocationFailMode` (REVOCATION_FAIL_MODE). The operator console passes "closed". */
  failMode?: "open" | "closed";
  /**
   * The HTTP client's abort (ms). Each check still waits at most REVOCATION_TIMEOUT_MS (the
   * store's own budget); default max(REVOCATION_TIMEOUT_MS, 1 s) so log pulls, writes and
   * sign-in's clock read aren't cut at 50 ms.
   */
  clientTimeoutMs?: number;
};

export function createRevocationStoreFromSettings(
  settings: AuthSettings,
  options: RevocationStoreOptions = {},
): SnapshotRevocationStore {
  if (!settings.upstash)
    throw new Error(
      "[@repo/auth] UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN are required for session revocation",
    );
  const failMode = options.failMode ?? settings.revocationFailMode;
  const redis = createRevocationRedis({
    ...settings.upstash,
    timeoutMs: options.clientTimeoutMs ?? Math.max(settings.revocationTimeoutMs, 1_000),
  });
  const source = createRevocationStore({
    redis,
    timeoutMs: settings.revocationTimeoutMs,
    failMode,
    maxSessionAgeSeconds: settings.absoluteSessionCap,
  });
  const store = createSnapshotRevocationStore({ redis, source, mode: "background", failMode });
  void store.start();
  return store;
}
