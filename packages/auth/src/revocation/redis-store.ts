// Revocation store over @upstash/redis (REST). Edge-safe: the Redis client is injected.
// Keys (hash-tagged by tenant so a cluster keeps a tenant's keys together):
//   rv:{tid}:s:<sid>  session revoked (TTL = the session's remaining life)
//   rv:{tid}:u:<uid>  user epoch ms; sessions with auth_time before it are dead
//   rv:{tid}:t        tenant epoch ms; same rule for every user of the tenant
//   rv:{tid}:c:<uid>  claims-stale marker ms; tokens whose claims were loaded (`cat`) before it
// Epochs compare against `auth_time`, not `iat`: Auth.js re-signs the cookie (fresh iat) on
// every session read, so an `iat` comparison could be escaped by refreshing a revoked session.
// Epoch keys live as long as the absolute session cap: older sessions are rejected anyway.
import type { Redis } from "@upstash/redis";
import { DEFAULT_MAX_SESSION_AGE_SECONDS } from "../token/claims";
import type { RevocableClaims, RevocationCheck, RevocationEntry, RevocationFailMode, RevocationStore } from "./types";

export type RedisRevocationStoreOptions = {
  /** An @upstash/redis client; build it with `retry: false` (see `createRevocationRedis`). */
  redis: Pick<Redis, "mget" | "set" | "scan" | "pipeline">;
  /** Time budget per check in ms (default 50). */
  timeoutMs?: number;
  /** What a check decides when Redis can't answer in time (default "closed"). */
  failMode?: RevocationFailMode;
  /** Absolute session cap in seconds: how long epoch keys must live (default 7 days). */
  maxSessionAgeSeconds?: number;
  /** Key prefix (default "rv"). */
  prefix?: string;
  now?: () => number;
};

class TimeoutError extends Error {}

/** Races `promise` against a timer; rejects with TimeoutError when the budget runs out. */
function withBudget<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const toNumber = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

export function createRevocationStore(options: RedisRevocationStoreOptions): RevocationStore {
  const { redis } = options;
  const timeoutMs = options.timeoutMs ?? 50;
  const failMode = options.failMode ?? "closed";
  const capSeconds = options.maxSessionAgeSeconds ?? DEFAULT_MAX_SESSION_AGE_SECONDS;
  const prefix = options.prefix ?? "rv";
  const now = options.now ?? Date.now;
  const base = (tid: string) => `${prefix}:{${tid}}`;

  const epochTtl = capSeconds + 60;

  const store: RevocationStore = {
    async revokeSession(tid, sid, exp) {
      const ttl = Math.max(1, Math.ceil(exp - now() / 1000) + 15);
      await redis.set(`${base(tid)}:s:${sid}`, String(now()), { ex: ttl });
    },
    async revokeUser(tid, uid) {
      await redis.set(`${base(tid)}:u:${uid}`, String(now()), { ex: epochTtl });
    },
    async revokeTenant(tid) {
      await redis.set(`${base(tid)}:t`, String(now()), { ex: epochTtl });
    },
    async markClaimsStale(tid, uid) {
      await redis.set(`${base(tid)}:c:${uid}`, String(now()), { ex: epochTtl });
    },

    async check(claims: RevocableClaims): Promise<RevocationCheck> {
      const b = base(claims.tid);
      let values: unknown[];
      try {
        values = await withBudget(
          redis.mget<unknown[]>(`${b}:s:${claims.sid}`, `${b}:u:${claims.sub}`, `${b}:t`, `${b}:c:${claims.sub}`),
          timeoutMs,
        );
      } catch (error) {
        // Fail closed by default: an unreachable store must not turn revoked sessions valid.
        const kind = error instanceof TimeoutError || (error as Error)?.name === "AbortError" ? "timeout" : "error";
        return failMode === "closed"
          ? { revoked: true, reason: "unavailable", stale: false, error: kind, failMode }
          : { revoked: false, stale: false, error: kind, failMode };
      }
      const [session, userEpoch, tenantEpoch, staleMarker] = values.map(toNumber);
      const startedMs = claims.auth_time * 1000;
      if (session !== null) return { revoked: true, reason: "session", stale: false };
      if (tenantEpoch != null && startedMs < tenantEpoch) return { revoked: true, reason: "tenant", stale: false };
      if (userEpoch != null && startedMs < userEpoch) return { revoked: true, reason: "user", stale: false };
      const loadedAt = claims.cat ?? startedMs;
      return { revoked: false, stale: staleMarker != null && loadedAt < staleMarker };
    },

    async isRevoked(claims) {
      return (await store.check(claims)).revoked;
    },
    async listRevocations(tid) {
      const b = base(tid);
      const keys: string[] = [];
      let cursor: string | number = "0";
      do {
        const [next, batch]: [string | number, string[]] = await redis.scan(cursor, { match: `${b}:*`, count: 500 });
        keys.push(...batch);
        cursor = next;
      } while (String(cursor) !== "0" && keys.length < 10_000);
      if (keys.length === 0) return [];
      const pipe = redis.pipeline();
      for (const key of keys) {
        pipe.get(key);
        pipe.ttl(key);
      }
      const results = (await pipe.exec()) as unknown[];
      const entries: RevocationEntry[] = [];
      keys.forEach((key, i) => {
        const rest = key.slice(b.length + 1);
        const [kind, ...idParts] = rest.split(":");
        const type = kind === "s" ? "session" : kind === "u" ? "user" : kind === "t" ? "tenant" : kind === "c" ? "stale" : null;
        const ttl = toNumber(results[i * 2 + 1]);
        if (!type || ttl === -2) return;
        entries.push({ type, id: type === "tenant" ? tid : idParts.join(":"), since: toNumber(results[i * 2]) ?? 0, ttlSeconds: ttl ?? -1 });
      });
      return entries.sort((a, b2) => b2.since - a.since);
    },
  };
  return store;
}
