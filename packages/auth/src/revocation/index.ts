// @repo/auth/revocation — session/user/tenant revocation, stale-claims markers and tenant status:
// the Redis store (source of truth + change log) and the local snapshot store the request path
// uses (no round trip). Edge-safe.
export { DEFAULT_LOG_WINDOW_MS, createRevocationStore, type RedisRevocationStoreOptions } from "./redis-store";
export { createRevocationRedis, type RevocationRedisOptions } from "./redis-client";
export {
  createSnapshotRevocationStore,
  type SnapshotMode,
  type SnapshotRevocationStore,
  type SnapshotRevocationStoreOptions,
} from "./snapshot-store";
export { SessionFingerprintSet } from "./session-fingerprint-set";
export {
  REVOCATION_FAIL_MODES,
  type RevocableClaims,
  type RevocationCheck,
  type RevocationEntry,
  type RevocationFailMode,
  type RevocationReason,
  type RevocationStore,
} from "./types";
