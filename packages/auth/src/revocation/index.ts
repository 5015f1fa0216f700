// @repo/auth/revocation — session/user/tenant revocation and stale-claims markers. Edge-safe.
export { createRevocationStore, type RedisRevocationStoreOptions } from "./redis-store";
export { createRevocationRedis, type RevocationRedisOptions } from "./redis-client";
export {
  REVOCATION_FAIL_MODES,
  type RevocableClaims,
  type RevocationCheck,
  type RevocationEntry,
  type RevocationFailMode,
  type RevocationReason,
  type RevocationStore,
} from "./types";
