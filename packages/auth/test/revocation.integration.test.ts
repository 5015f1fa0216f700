import { afterAll, describe, expect, it } from "vitest";
import { createRevocationRedis, createRevocationStore } from "@repo/auth/revocation";
import { deadPortUrl, deletePrefix, realStore, startBlackHole } from "./redis-fixtures";

const now = () => Math.floor(Date.now() / 1000);
const claims = (o: Partial<{ tid: string; sub: string; sid: string; auth_time: number; cat: number }> = {}) => ({
  tid: "t-" + crypto.randomUUID(),
  sub: "u-" + crypto.randomUUID(),
  sid: "s-" + crypto.randomUUID(),
  auth_time: now() - 60,
  ...o,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const { prefix, store, redis } = realStore();
afterAll(() => deletePrefix(prefix));

describe("revocation store on real Redis (@upstash/redis via the bridge)", () => {
  it("per-session: only that sid is revoked; TTL follows the session's remaining life", async () => {
    const a = claims();
    const b = { ...a, sid: "s-other" };
    expect(await store.check(a)).toEqual({ revoked: false, stale: false });
    await store.revokeSession(a.tid, a.sid, now() + 3600);
    expect(await store.check(a)).toMatchObject({ revoked: true, reason: "session" });
    expect(await store.check(b)).toMatchObject({ revoked: false });
    expect(await store.isRevoked(a)).toBe(true);
    expect(await store.isRevoked(b)).toBe(false);
    const [entry] = await store.listRevocations(a.tid);
    expect(entry).toMatchObject({ type: "session", id: a.sid });
    expect(entry!.ttlSeconds).toBeGreaterThan(3600);
    expect(entry!.ttlSeconds).toBeLessThanOrEqual(3615);
  });

  it("session revocations expire with the TTL", async () => {
    const a = claims();
    await store.revokeSession(a.tid, a.sid, now() - 14); // TTL clamps to ~1 s
    expect((await store.check(a)).revoked).toBe(true);
    await sleep(2_100);
    expect((await store.check(a)).revoked).toBe(false);
  });

  it("user epoch kills sessions started before it, including re-signed ones (fresh iat, old auth_time)", async () => {
    const old = claims();
    await store.revokeUser(old.tid, old.sub);
    expect(await store.check(old)).toMatchObject({ revoked: true, reason: "user" });
    // Auth.js re-signs with a fresh iat, but auth_time is preserved: still dead.
    expect(await store.check({ ...old, sid: "resigned" })).toMatchObject({ revoked: true, reason: "user" });
    // A new sign-in after the epoch is fine; other users are untouched.
    const fresh = { ...old, sid: "new", auth_time: now() + 1 };
    expect((await store.check(fresh)).revoked).toBe(false);
    expect((await store.check({ ...old, sub: "someone-else" })).revoked).toBe(false);
  });

  it("tenant epoch kills every user's earlier sessions", async () => {
    const a = claims();
    const b = { ...claims(), tid: a.tid };
    await store.revokeTenant(a.tid);
    expect(await store.check(a)).toMatchObject({ revoked: true, reason: "tenant" });
    expect(await store.check(b)).toMatchObject({ revoked: true, reason: "tenant" });
    expect((await store.check({ ...a, auth_time: now() + 1 })).revoked).toBe(false);
    expect((await store.check(claims())).revoked).toBe(false);
  });

  it("markClaimsStale: stale until claims are reloaded, never revoked", async () => {
    const a = claims({ cat: Date.now() - 1000 });
    await store.markClaimsStale(a.tid, a.sub);
    expect(await store.check(a)).toEqual({ revoked: false, stale: true });
    expect(await store.check({ ...a, cat: Date.now() + 1 })).toEqual({ revoked: false, stale: false });
  });

  it("check() is one round trip", async () => {
    let calls = 0;
    const counting = new Proxy(redis, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          calls++;
          return value.apply(target, args);
        };
      },
    });
    const s = createRevocationStore({ redis: counting, prefix });
    await s.check(claims());
    expect(calls).toBe(1);
  });

  it("listRevocations reports type, id and remaining TTL", async () => {
    const a = claims();
    await store.revokeUser(a.tid, a.sub);
    await store.markClaimsStale(a.tid, "u2");
    await store.revokeTenant(a.tid);
    const list = await store.listRevocations(a.tid);
    expect(list.map((e) => e.type).sort()).toEqual(["stale", "tenant", "user"]);
    expect(list.find((e) => e.type === "user")).toMatchObject({ id: a.sub });
    for (const e of list) expect(e.ttlSeconds).toBeGreaterThan(7 * 86_400);
  });
});

describe("Redis unavailable", () => {
  const budget = 50;

  // Wall-clock bounds below are retried (loaded CI machine); each must hold at least once.
  it("hung Redis: decides within budget + 20 ms and fails closed", { retry: 3 }, async () => {
    const hole = await startBlackHole();
    try {
      const s = createRevocationStore({
        redis: createRevocationRedis({ url: hole.url, token: "x", timeoutMs: budget }),
        timeoutMs: budget,
      });
      const started = performance.now();
      const result = await s.check(claims());
      const elapsed = performance.now() - started;
      expect(result).toMatchObject({ revoked: true, reason: "unavailable", error: "timeout", failMode: "closed" });
      expect(elapsed).toBeLessThan(budget + 20);
    } finally {
      await hole.close();
    }
  });

  it("refused connection: fails closed fast, no retries", { retry: 3 }, async () => {
    const url = await deadPortUrl();
    const s = createRevocationStore({
      redis: createRevocationRedis({ url, token: "x", timeoutMs: budget }),
      timeoutMs: budget,
    });
    const started = performance.now();
    const result = await s.check(claims());
    expect(result).toMatchObject({ revoked: true, reason: "unavailable", failMode: "closed" });
    expect(performance.now() - started).toBeLessThan(budget + 20);
  });

  it("fail mode open lets the request through and says why", async () => {
    const hole = await startBlackHole();
    try {
      const s = createRevocationStore({
        redis: createRevocationRedis({ url: hole.url, token: "x", timeoutMs: budget }),
        timeoutMs: budget,
        failMode: "open",
      });
      expect(await s.check(claims())).toEqual({ revoked: false, stale: false, error: "timeout", failMode: "open" });
    } finally {
      await hole.close();
    }
  });
});
