// The revocation store the request path uses: a local snapshot of the change log, so a check
// costs no network round trip. Redis stays the source of truth (writes and listings go to the
// wrapped Redis store). Edge-safe: the Redis client is injected, timers are optional.
//
// Guarantees (see ARCHITECTURE.md "Revocation"):
// - Hot path: a session this process validated against Redis within the window is decided from
//   the snapshot alone. Any other session (first sight, or last validated longer ago than the
//   window minus a margin) takes ONE slow-path read (MGET through the Redis store), then
//   continues from the snapshot: the snapshot only needs the window's changes.
// - Freshness: the log is pulled every `pollIntervalMs` — by a background timer ("background"
//   mode, Node) or by the requests themselves ("on-request" mode, edge isolates without timers).
//   A check whose snapshot is older than `maxStalenessMs` first refreshes with a bounded wait;
//   if it is still stale it fails per `failMode` (closed by default). Never an unbounded wait.
// - One pull in flight per process. A waiter gives up after `pullTimeoutMs`, but the pull itself
//   may run up to `maxStalenessMs` and still counts when it lands: on a starved CPU or a slow
//   link, a 400 ms XRANGE keeps the snapshot fresh instead of being dropped and re-sent (which
//   piles requests onto a struggling Redis and turned every late pull into fail-closed 503s).
// - Cold start: nothing is decided before the first pull completed (the whole window is loaded).
// - A gap longer than half the window (Redis unreachable) drops every validation and reloads.
import type { Redis } from "@upstash/redis";
import { LRUCache } from "lru-cache";
import { parseChangeEntry } from "./change-log";
import { DEFAULT_LOG_WINDOW_MS } from "./redis-store";
import { RevocationSnapshot } from "./revocation-snapshot";
import type { RevocableClaims, RevocationCheck, RevocationFailMode, RevocationStore } from "./types";
import { failureKind, withBudget } from "./with-budget";

export type SnapshotMode = "background" | "on-request";

export type SnapshotRevocationStoreOptions = {
  /** Reads the change log (XRANGE). Build it with `createRevocationRedis` (no retries). */
  redis: Pick<Redis, "xrange">;
  /** The Redis store: source of truth for writes, listings and the slow path. */
  source: RevocationStore;
  /** "background": a timer pulls the log (Node). "on-request": checks trigger pulls (edge). */
  mode: SnapshotMode;
  /** Same prefix and window as the Redis store's. */
  prefix?: string;
  windowMs?: number;
  /** Default 200 ms: propagation to this process is at most this plus one round trip. */
  pollIntervalMs?: number;
  /** Default 1 000 ms: an older snapshot is refreshed (bounded wait) or fails per `failMode`. */
  maxStalenessMs?: number;
  /** Bounded wait of a check (or write) for a pull of the log (default 250 ms). The pull itself
   * may take up to `maxStalenessMs` and still applies. */
  pullTimeoutMs?: number;
  /** Bounded wait for the cold-start load, before anything was ever pulled (default 2 000 ms). */
  coldStartTimeoutMs?: number;
  failMode?: RevocationFailMode;
  /** Sessions remembered as validated (default 100 000; an evicted one takes the slow path again). */
  validatedSessions?: number;
  now?: () => number;
};

export type SnapshotRevocationStore = RevocationStore & {
  tenantStatus(tid: string): string | undefined;
  /** Loads the current state (resolves when the first pull succeeded) and starts the timer. */
  start(): Promise<void>;
  stop(): void;
  /** Pulls the log now (one XRANGE); resolves false when it failed. */
  refresh(): Promise<boolean>;
  readonly snapshot: RevocationSnapshot;
};

const PAGE = 1_000;

export function createSnapshotRevocationStore(options: SnapshotRevocationStoreOptions): SnapshotRevocationStore {
  const { redis, source, mode } = options;
  const logKey = `${options.prefix ?? "rv"}:log`;
  const windowMs = options.windowMs ?? DEFAULT_LOG_WINDOW_MS;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const maxStalenessMs = options.maxStalenessMs ?? 1_000;
  const pullTimeoutMs = options.pullTimeoutMs ?? 250;
  const coldStartTimeoutMs = Math.max(pullTimeoutMs, options.coldStartTimeoutMs ?? 2_000);
  const failMode = options.failMode ?? "closed";
  const now = options.now ?? Date.now;
  // A validation is trusted while every change after it is surely still in the snapshot.
  const validationTtlMs = windowMs - 2 * maxStalenessMs;
  const snapshot = new RevocationSnapshot(windowMs);
  const validated = new LRUCache<string, number>({ max: options.validatedSessions ?? 100_000 });

  let lastId: string | null = null;
  let syncedAt = Number.NEGATIVE_INFINITY;
  let prunedAt = 0;
  let inflight: Promise<boolean> | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function pull(): Promise<boolean> {
    const started = now();
    if (lastId !== null && started - syncedAt > windowMs / 2) {
      // Out of touch for too long: entries may have been trimmed unseen. Start over.
      snapshot.clear();
      validated.clear();
      lastId = null;
    }
    // The pull's own bound (waiters use theirs, see `refresh`).
    const budget = syncedAt === Number.NEGATIVE_INFINITY ? coldStartTimeoutMs : Math.max(pullTimeoutMs, maxStalenessMs);
    try {
      for (;;) {
        const page = await withBudget(
          redis.xrange<Record<string, unknown>>(logKey, lastId ? `(${lastId}` : "-", "+", PAGE),
          budget,
        );
        const ids = Object.keys(page);
        for (const id of ids) {
          const entry = parseChangeEntry(id, page[id]!);
          if (entry) snapshot.apply(entry, started);
          lastId = id;
        }
        if (ids.length < PAGE) break;
      }
    } catch {
      return false;
    }
    syncedAt = started;
    if (started - prunedAt > windowMs / 10) {
      snapshot.prune(started);
      prunedAt = started;
    }
    return true;
  }

  /** The pull in flight, or a new one (never two at once). */
  function startPull(): Promise<boolean> {
    inflight ??= pull().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  /** Waits for a pull at most `pullTimeoutMs` (the cold-start bound before the first one). */
  function refresh(): Promise<boolean> {
    const wait = syncedAt === Number.NEGATIVE_INFINITY ? coldStartTimeoutMs : pullTimeoutMs;
    return withBudget(startPull(), wait).catch(() => false);
  }

  const unavailable = (kind: "timeout" | "error"): RevocationCheck =>
    failMode === "closed"
      ? { revoked: true, reason: "unavailable", stale: false, error: kind, failMode }
      : { revoked: false, stale: false, error: kind, failMode };

  function decide(claims: RevocableClaims, t: number): RevocationCheck | Promise<RevocationCheck> {
    const key = `${claims.tid}\u0000${claims.sid}`;
    const at = validated.get(key);
    if (at !== undefined && t - at < validationTtlMs) return snapshot.check(claims, t);
    return slowPath(claims, key, t);
  }

  async function slowPath(claims: RevocableClaims, key: string, t: number): Promise<RevocationCheck> {
    const result = await source.check(claims);
    if (result.error) return result;
    validated.set(key, t);
    if (result.revoked) return result;
    const local = snapshot.check(claims, now());
    return local.revoked || (local.stale && !result.stale) ? local : result;
  }

  async function refreshThenDecide(claims: RevocableClaims): Promise<RevocationCheck> {
    const ok = await refresh().catch(() => false);
    const t = now();
    if (!ok || t - syncedAt > maxStalenessMs) return unavailable(ok ? "timeout" : "error");
    return decide(claims, t);
  }

  /** Own writes reach this process's snapshot at once (the "poke"); others within one poll. */
  const thenPull = async (write: Promise<void>) => {
    await write;
    await refresh();
  };

  const store: SnapshotRevocationStore = {
    snapshot,
    revokeSession: (tid, sid, exp) => thenPull(source.revokeSession(tid, sid, exp)),
    revokeUser: (tid, uid) => thenPull(source.revokeUser(tid, uid)),
    revokeTenant: (tid) => thenPull(source.revokeTenant(tid)),
    markClaimsStale: (tid, uid) => thenPull(source.markClaimsStale(tid, uid)),
    publishTenantStatus: (tid, status) => thenPull(source.publishTenantStatus(tid, status)),
    currentTimeMs: () => source.currentTimeMs(),
    listRevocations: (tid) => source.listRevocations(tid),

    check(claims) {
      const t = now();
      const age = t - syncedAt;
      if (age > maxStalenessMs)
        return refreshThenDecide(claims).catch((error: unknown) => unavailable(failureKind(error)));
      if (mode === "on-request" && age > pollIntervalMs) void startPull();
      return decide(claims, t);
    },
    async isRevoked(claims) {
      return (await store.check(claims)).revoked;
    },
    tenantStatus(tid) {
      return snapshot.tenantStatus(tid, now());
    },

    async start() {
      if (mode === "background" && !timer) {
        timer = setInterval(() => void startPull(), pollIntervalMs);
        // Node: don't keep the process alive for the poller alone.
        (timer as { unref?: () => void }).unref?.();
      }
      for (let attempt = 0; !(await refresh()) && attempt < 3; attempt++);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    refresh,
  };
  return store;
}
