// Revocation store over @upstash/redis (REST). Edge-safe: the Redis client is injected.
// Keys (hash-tagged by tenant so a cluster keeps a tenant's keys together):
//   rv:{tid}:s:<sid>  session revoked (TTL = the session's remaining life)
//   rv:{tid}:u:<uid>  user epoch ms; sessions with auth_time before it are dead
//   rv:{tid}:t        tenant epoch ms; same rule for every user of the tenant
//   rv:{tid}:c:<uid>  claims-stale marker ms; tokens whose claims were loaded (`cat`) before it
//   rv:{tid}:st       tenant status ("active", "suspended", …) as last published
//   rv:log            the change log (one Redis Stream for every tenant; see change-log.ts)
// Every write goes through one Lua script: key + log entry together, stamped by the Redis clock.
// Epochs compare against `auth_time`, not `iat`: Auth.js re-signs the cookie (fresh iat) on
// every session read, so an `iat` comparison could be escaped by refreshing a revoked session.
// Epoch keys live as long as the absolute session cap: older sessions are rejected anyway.
import type { Redis } from "@upstash/redis";
import { DEFAULT_MAX_SESSION_AGE_SECONDS } from "../token/claims";
import { failureKind, withBudget } from "./with-budget";
import { WRITE_CHANGE_SCRIPT, type ChangeKind } from "./change-log";
import {
  sessionStartMs,
  type RevocableClaims,
  type RevocationCheck,
  type RevocationEntry,
  type RevocationFailMode,
  type RevocationStore,
} from "./types";

export type RedisRevocationStoreOptions = {
  /** An @upstash/redis client; build it with `retry: false` (see `createRevocationRedis`). */
  redis: Pick<Redis, "mget" | "scan" | "pipeline" | "eval" | "time">;
  /** Time budget per check in ms (default 50). */
  timeoutMs?: number;
  /** What a check decides when Redis can't answer in time (default "closed"). */
  failMode?: RevocationFailMode;
  /** Absolute session cap in seconds: how long epoch keys must live (default 7 days). */
  maxSessionAgeSeconds?: number;
  /** Key prefix (default "rv"). */
  prefix?: string;
  /** How long the change log keeps entries (ms, default 5 min): the snapshot window. */
  logWindowMs?: number;
  now?: () => number;
};

export const DEFAULT_LOG_WINDOW_MS = 5 * 60_000;

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
  const logKey = `${prefix}:log`;
  const windowMs = options.logWindowMs ?? DEFAULT_LOG_WINDOW_MS;

  const epochTtl = capSeconds + 60;
  const untilCap = () => Math.ceil(now() / 1000) + epochTtl;

  const write = async (
    kind: ChangeKind,
    tid: string,
    key: string,
    subject: string,
    ttl: number,
    until: number,
    value = "",
  ) => {
    await redis.eval(
      WRITE_CHANGE_SCRIPT,
      [key, logKey],
      [kind, tid, subject, String(ttl), value, String(until), String(windowMs)],
    );
  };

  const store: RevocationStore = {
    async revokeSession(tid, sid, exp) {
      const ttl = Math.max(1, Math.ceil(exp - now() / 1000) + 15);
      await write("s", tid, `${base(tid)}:s:${sid}`, sid, ttl, Math.ceil(now() / 1000) + ttl);
    },
    async revokeUser(tid, uid) {
      await write("u", tid, `${base(tid)}:u:${uid}`, uid, epochTtl, untilCap());
    },
    async revokeTenant(tid) {
      await write("t", tid, `${base(tid)}:t`, "", epochTtl, untilCap());
    },
    async markClaimsStale(tid, uid) {
      await write("c", tid, `${base(tid)}:c:${uid}`, uid, epochTtl, untilCap());
    },
    async publishTenantStatus(tid, status) {
      await write("st", tid, `${base(tid)}:st`, "", epochTtl, untilCap(), status);
    },
    async currentTimeMs() {
      // Sign-in/refresh only (not the request path): a wider budget than a check's.
      const [seconds, micros] = await withBudget(redis.time(), Math.max(timeoutMs, 1_000));
      return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
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
        const kind = failureKind(error);
        return failMode === "closed"
          ? { revoked: true, reason: "unavailable", stale: false, error: kind, failMode }
          : { revoked: false, stale: false, error: kind, failMode };
      }
      const [session, userEpoch, tenantEpoch, staleMarker] = values.map(toNumber);
      const startedMs = sessionStartMs(claims);
      if (session !== null) return { revoked: true, reason: "session", stale: false };
      if (tenantEpoch != null && startedMs <= tenantEpoch) return { revoked: true, reason: "tenant", stale: false };
      if (userEpoch != null && startedMs <= userEpoch) return { revoked: true, reason: "user", stale: false };
      const loadedAt = claims.cat ?? startedMs;
      return { revoked: false, stale: staleMarker != null && loadedAt <= staleMarker };
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
        const type =
          kind === "s" ? "session" : kind === "u" ? "user" : kind === "t" ? "tenant" : kind === "c" ? "stale" : null;
        // (the tenant status key `st` is not a revocation: skipped)
        const ttl = toNumber(results[i * 2 + 1]);
        if (!type || ttl === -2) return;
        entries.push({
          type,
          id: type === "tenant" ? tid : idParts.join(":"),
          since: toNumber(results[i * 2]) ?? 0,
          ttlSeconds: ttl ?? -1,
        });
      });
      return entries.sort((a, b2) => b2.since - a.since);
    },
  };
  return store;
}
