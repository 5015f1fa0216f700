// The revocation-store interface. The gate depends on this, not on Redis, so a cached or
// snapshot implementation can replace the per-request round trip later. Edge-safe.

export const REVOCATION_FAIL_MODES = ["open", "closed"] as const;
export type RevocationFailMode = (typeof REVOCATION_FAIL_MODES)[number];

/** The token claims revocation needs. */
export type RevocableClaims = { tid: string; sub: string; sid: string; auth_time: number; cat?: number };

/**
 * When a session started, in ms, as compared with user/tenant epochs: `auth_time` (seconds,
 * rounded down — so a stamp can only move earlier, never escape an epoch).
 */
export const sessionStartMs = (claims: RevocableClaims): number => claims.auth_time * 1000;

export type RevocationReason = "session" | "user" | "tenant";

/**
 * Outcome of a revocation check.
 * - `revoked`: deny. `reason` says which rule, or `"unavailable"` when the store could not
 *   answer and the fail mode is "closed".
 * - `stale`: roles/permissions changed since the token's claims were loaded: re-issue it.
 * - `error`: set when the store did not answer in time ("timeout") or failed ("error"); with
 *   fail mode "open" the request proceeds (`revoked: false`) but the caller can log it.
 */
export type RevocationCheck = {
  revoked: boolean;
  reason?: RevocationReason | "unavailable";
  stale: boolean;
  error?: "timeout" | "error";
  failMode?: RevocationFailMode;
};

export type RevocationEntry = {
  type: RevocationReason | "stale";
  /** sid for "session", user id for "user"/"stale", tenant id for "tenant". */
  id: string;
  /** Epoch in ms for user/tenant/stale entries; revoke time for sessions. */
  since: number;
  /** Seconds until the entry expires (-1: no expiry). */
  ttlSeconds: number;
};

export interface RevocationStore {
  /** Kills one session. `exp` (seconds): when the session can no longer be used anyway. */
  revokeSession(tid: string, sid: string, exp: number): Promise<void>;
  /** Kills every session of the user that started before now. */
  revokeUser(tid: string, uid: string): Promise<void>;
  /** Kills every session of the tenant that started before now (kill switch, suspension). */
  revokeTenant(tid: string): Promise<void>;
  /** Role/permission change: the user's tokens must be re-issued with fresh claims (no sign-out). */
  markClaimsStale(tid: string, uid: string): Promise<void>;
  /** Publishes a tenant's status (suspend/resume/delete) on the change log. */
  publishTenantStatus(tid: string, status: string): Promise<void>;
  /**
   * The store's clock (Redis TIME, ms) — the clock every epoch and marker is stamped with. Take
   * session-start and claims-loaded stamps from it BEFORE reading the user's state (item: a user
   * disabled or demoted while signing in or refreshing can't keep access). Throws when unreachable.
   */
  currentTimeMs(): Promise<number>;
  /**
   * Revoked (why) and stale. At most ONE round trip (the Redis store), none on the snapshot
   * store's hot path (then the result may be returned synchronously). Never throws; honours the
   * time budget and fail mode.
   */
  check(claims: RevocableClaims): RevocationCheck | Promise<RevocationCheck>;
  /**
   * The tenant status last published on the change log, when the store keeps a snapshot and the
   * change is recent (newer than any registry cache); undefined otherwise.
   */
  tenantStatus?(tid: string): string | undefined;
  /** `check(claims).revoked`: the yes/no answer in the same single round trip. */
  isRevoked(claims: RevocableClaims): Promise<boolean>;
  /** Active revocations of a tenant with their remaining TTL (admin app). */
  listRevocations(tid: string): Promise<RevocationEntry[]>;
}
