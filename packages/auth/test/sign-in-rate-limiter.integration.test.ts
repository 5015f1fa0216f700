import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "@upstash/redis";
import { createSignInRateLimiter } from "@repo/auth/server";
import { deletePrefix, startBlackHole, testPrefix, upstashEnv } from "./redis-fixtures";

const prefix = testPrefix();
afterAll(() => deletePrefix(prefix));

describe("sign-in rate limiter", () => {
  it("limits per (tenant, email) and per (tenant, ip), with retry-after seconds", async () => {
    const limiter = createSignInRateLimiter({ redis: new Redis({ ...upstashEnv(), retry: false }), emailLimit: 2, ipLimit: 3, windowSeconds: 30, prefix });
    const t = crypto.randomUUID();
    expect(await limiter.check({ tenantId: t, ip: "10.0.0.1", email: "a@x.test" })).toEqual({ ok: true });
    expect(await limiter.check({ tenantId: t, ip: "10.0.0.1", email: "A@x.test" })).toEqual({ ok: true });
    const blocked = await limiter.check({ tenantId: t, ip: "10.0.0.1", email: "a@x.test" });
    expect(blocked).toMatchObject({ ok: false, reason: "email" });
    expect(blocked.ok === false && blocked.retryAfterSeconds).toBeGreaterThan(0);
    // same email in another tenant is a different account
    expect(await limiter.check({ tenantId: crypto.randomUUID(), ip: "10.0.0.1", email: "a@x.test" })).toEqual({ ok: true });
    expect(await limiter.check({ tenantId: t, ip: "10.0.0.1", email: "b@x.test" })).toMatchObject({ ok: false, reason: "ip" });
  });

  it("fails closed when Redis hangs (the library alone would fail open)", async () => {
    const hole = await startBlackHole();
    try {
      const limiter = createSignInRateLimiter({ redis: new Redis({ url: hole.url, token: "x", retry: false }), timeoutMs: 100, prefix });
      expect(await limiter.check({ tenantId: "t", ip: "1.1.1.1", email: "a@x.test" })).toMatchObject({ ok: false, reason: "unavailable" });
    } finally {
      await hole.close();
    }
  });
});
