// The snapshot revocation store on real Redis (through the Upstash-REST bridge): zero round
// trips on the hot path, changes from another "process" (another store instance) applied
// within a poll, cold start, bounded staleness with fail-closed, gap recovery.
import { afterAll, describe, expect, it } from "vitest";
import type { Redis } from "@upstash/redis";
import {
  createRevocationRedis,
  createRevocationStore,
  createSnapshotRevocationStore,
  type RevocableClaims,
  type SnapshotRevocationStoreOptions,
} from "@repo/auth/revocation";
import { startFaultProxy } from "@repo/services/fault-proxy";
import { deletePrefix, startBlackHole, testPrefix, upstashEnv } from "./redis-fixtures";

const prefix = testPrefix();
afterAll(() => deletePrefix(prefix));

const redis = () => createRevocationRedis({ ...upstashEnv(), timeoutMs: 2_000 });
const source = (r: Redis = redis()) => createRevocationStore({ redis: r, prefix, timeoutMs: 2_000 });

/** Counts every command a client sends (a Proxy over the real client). */
function counting(r: Redis): { redis: Redis; calls: () => number } {
  let calls = 0;
  const proxy = new Proxy(r, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls++;
        return value.apply(target, args);
      };
    },
  });
  return { redis: proxy, calls: () => calls };
}

function snapshot(extra: Partial<SnapshotRevocationStoreOptions> = {}) {
  return createSnapshotRevocationStore({
    redis: redis(),
    source: source(),
    prefix,
    mode: "background",
    pollIntervalMs: 100,
    ...extra,
  });
}

const nowS = () => Math.floor(Date.now() / 1000);
const claims = (o: Partial<RevocableClaims> = {}): RevocableClaims => ({
  tid: "t-" + crypto.randomUUID(),
  sub: "u-" + crypto.randomUUID(),
  sid: "s-" + crypto.randomUUID(),
  auth_time: nowS() - 60,
  cat: Date.now() - 60_000,
  ...o,
});

/** Polls `probe` until it is true or `ms` passed; returns the elapsed ms (or Infinity). */
async function within(ms: number, probe: () => boolean | Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await probe()) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
  return Number.POSITIVE_INFINITY;
}

describe("snapshot revocation store", () => {
  it("hot path: one slow-path read per session, then no Redis command and a synchronous answer", async () => {
    const reads = counting(redis());
    const store = createSnapshotRevocationStore({
      redis: redis(),
      source: source(reads.redis),
      prefix,
      mode: "on-request",
      pollIntervalMs: 60_000,
      maxStalenessMs: 60_000, // this test is about round trips, not freshness (a loaded machine is slow)
    });
    await store.start();
    const c = claims();
    expect(await store.check(c)).toEqual({ revoked: false, stale: false });
    expect(reads.calls()).toBe(1);
    for (let i = 0; i < 1_000; i++) {
      const result = store.check(c);
      expect(result).not.toBeInstanceOf(Promise);
      expect(result).toEqual({ revoked: false, stale: false });
    }
    expect(reads.calls()).toBe(1);
  });

  it("a revocation written by another process reaches two running instances within one second", async () => {
    const a = snapshot();
    const b = snapshot();
    await Promise.all([a.start(), b.start()]);
    const writer = source();
    const victims = { session: claims(), user: claims(), tenant: claims() };
    for (const c of Object.values(victims)) {
      expect(await a.check(c)).toMatchObject({ revoked: false });
      expect(await b.check(c)).toMatchObject({ revoked: false });
    }
    await writer.revokeSession(victims.session.tid, victims.session.sid, nowS() + 600);
    await writer.revokeUser(victims.user.tid, victims.user.sub);
    await writer.revokeTenant(victims.tenant.tid);
    const refused = (store: typeof a) => async () =>
      (await store.check(victims.session)).reason === "session" &&
      (await store.check(victims.user)).reason === "user" &&
      (await store.check(victims.tenant)).reason === "tenant";
    expect(await within(1_000, refused(a))).toBeLessThan(1_000);
    expect(await within(1_000, refused(b))).toBeLessThan(1_000);
    a.stop();
    b.stop();
  });

  it("claims-stale markers and tenant status (suspend, then resume) ride the same log", async () => {
    const reader = snapshot();
    await reader.start();
    const writer = source();
    const c = claims();
    expect(await reader.check(c)).toEqual({ revoked: false, stale: false });
    await writer.markClaimsStale(c.tid, c.sub);
    await writer.publishTenantStatus(c.tid, "suspended");
    expect(
      await within(1_000, async () => (await reader.check(c)).stale && reader.tenantStatus(c.tid) === "suspended"),
    ).toBeLessThan(1_000);
    await writer.publishTenantStatus(c.tid, "active");
    expect(await within(1_000, () => reader.tenantStatus(c.tid) === "active")).toBeLessThan(1_000);
    // Claims re-loaded after the marker (stamped by the same Redis clock) are not stale.
    expect(await reader.check({ ...c, cat: (await writer.currentTimeMs()) + 1 })).toEqual({
      revoked: false,
      stale: false,
    });
    reader.stop();
  });

  it("cold start: state written before the process started is loaded before the first answer", async () => {
    const c = claims();
    await source().publishTenantStatus(c.tid, "suspended");
    await source().revokeSession(c.tid, c.sid, nowS() + 600);
    const fresh = snapshot();
    await fresh.start();
    expect(fresh.tenantStatus(c.tid)).toBe("suspended");
    expect(fresh.snapshot.sessions.has(c.tid, c.sid, nowS())).toBe(true);
    fresh.stop();
  });

  it("own writes apply to the local snapshot at once (no wait for a poll)", async () => {
    const store = snapshot({ mode: "on-request", pollIntervalMs: 60_000 });
    await store.start();
    const c = claims();
    expect(await store.check(c)).toMatchObject({ revoked: false });
    await store.revokeSession(c.tid, c.sid, nowS() + 600);
    expect(store.check(c)).toMatchObject({ revoked: true, reason: "session" });
  });

  it("Redis unreachable: a snapshot older than 1 s refreshes with a bounded wait, then fails closed (or open)", {
    retry: 2,
  }, async () => {
    const hole = await startBlackHole();
    try {
      let clock = Date.now();
      const deadLog = createRevocationRedis({ url: hole.url, token: "x", timeoutMs: 100 });
      const options = {
        redis: deadLog,
        source: source(),
        prefix,
        mode: "on-request" as const,
        pullTimeoutMs: 100,
        coldStartTimeoutMs: 100,
        now: () => clock,
      };
      const closed = createSnapshotRevocationStore(options);
      const started = performance.now();
      expect(await closed.check(claims())).toMatchObject({ revoked: true, reason: "unavailable", failMode: "closed" });
      expect(performance.now() - started).toBeLessThan(100 + 100);
      const open = createSnapshotRevocationStore({ ...options, failMode: "open" });
      expect(await open.check(claims())).toMatchObject({ revoked: false, failMode: "open" });

      // A healthy store whose log becomes unreachable: fine for 1 s, then refuses.
      const healthy = createSnapshotRevocationStore({ ...options, redis: redis(), coldStartTimeoutMs: 2_000 });
      await healthy.start();
      const c = claims();
      expect(await healthy.check(c)).toMatchObject({ revoked: false });
      clock += 1_001;
      const stale = createSnapshotRevocationStore({ ...options, redis: deadLog });
      expect(await stale.check(c)).toMatchObject({ revoked: true, reason: "unavailable" });
    } finally {
      await hole.close();
    }
  });

  it("a pull slower than a check's wait still lands, and only one pull is ever in flight", async () => {
    const { url, token } = upstashEnv();
    const bridge = new URL(url);
    const fault = await startFaultProxy({ host: bridge.hostname, port: Number(bridge.port) });
    try {
      let clock = Date.now();
      const log = counting(createRevocationRedis({ url: `http://127.0.0.1:${fault.port}`, token, timeoutMs: 2_000 }));
      const store = createSnapshotRevocationStore({
        redis: log.redis,
        source: source(),
        prefix,
        mode: "on-request",
        pullTimeoutMs: 100,
        now: () => clock,
      });
      await store.start();
      const c = claims();
      expect(await store.check(c)).toEqual({ revoked: false, stale: false });
      const pullsBefore = log.calls();
      clock += 1_001; // older than maxStalenessMs: checks refresh first
      fault.freeze(); // the log answers late (a starved CPU, a slow link)
      const started = performance.now();
      const waits = await Promise.all([store.check(c), store.check(c)]);
      expect(performance.now() - started).toBeLessThan(100 + 150);
      expect(waits).toMatchObject([
        { revoked: true, reason: "unavailable" },
        { revoked: true, reason: "unavailable" },
      ]);
      // A later check waits on the same pull instead of sending another XRANGE.
      expect(await store.check(c)).toMatchObject({ revoked: true, reason: "unavailable" });
      expect(log.calls() - pullsBefore).toBe(1);
      fault.thaw();
      expect(await within(1_000, async () => !(await store.check(c)).revoked)).toBeLessThan(1_000);
      // The late answer was applied: no second pull was needed to become fresh again.
      expect(log.calls() - pullsBefore).toBe(1);
    } finally {
      await fault.close();
    }
  });

  it("a gap longer than half the window forgets every validation (the next check reads Redis again)", async () => {
    let clock = Date.now();
    const reads = counting(redis());
    const store = createSnapshotRevocationStore({
      redis: redis(),
      source: source(reads.redis),
      prefix,
      mode: "on-request",
      windowMs: 10_000,
      now: () => clock,
    });
    await store.start();
    const c = claims();
    await store.check(c);
    await store.check(c);
    expect(reads.calls()).toBe(1);
    clock += 6_000;
    await store.check(c);
    expect(reads.calls()).toBe(2);
  });
});
