// The sign-in limiter against the real Redis (via the repo's Upstash-REST bridge), and its
// fail-closed behaviour when Redis is unreachable or hangs.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignInLimiter, delayAfterFailures } from "@repo/auth/server";

const upstash = () => {
  const url = process.env.UPSTASH_REDIS_REST_URL;
  const token = process.env.UPSTASH_REDIS_REST_TOKEN;
  if (!url || !token) throw new Error("UPSTASH_* missing: run through the root vitest config (global setup).");
  return { url, token };
};
const unique = () => crypto.randomUUID();

describe("sign-in limiter (real Redis)", () => {
  it("allows `emailLimit` attempts per (scope, email), then answers limited with a retry delay", async () => {
    const limiter = createSignInLimiter({
      upstash: upstash(),
      ipLimit: 100,
      emailLimit: 3,
      windowSeconds: 60,
      prefix: `t:${unique()}`,
    });
    const attempt = { scope: unique(), ip: "203.0.113.7", email: "Someone@Example.test" };
    for (let i = 0; i < 3; i++) expect(await limiter.consume(attempt)).toEqual({ status: "allowed" });
    const limited = await limiter.consume({ ...attempt, email: "someone@example.test " });
    expect(limited.status).toBe("limited");
    expect(limited.status === "limited" && limited.retryAfterSeconds).toBeGreaterThan(0);
    // Another scope (tenant or "admin"), same email: independent.
    expect(await limiter.consume({ ...attempt, scope: unique() })).toEqual({ status: "allowed" });
  });

  it("limits per (scope, ip) across different emails", async () => {
    const limiter = createSignInLimiter({
      upstash: upstash(),
      ipLimit: 2,
      emailLimit: 100,
      windowSeconds: 60,
      prefix: `t:${unique()}`,
    });
    const scope = unique();
    expect((await limiter.consume({ scope, ip: "198.51.100.1", email: "a@x.test" })).status).toBe("allowed");
    expect((await limiter.consume({ scope, ip: "198.51.100.1", email: "b@x.test" })).status).toBe("allowed");
    expect((await limiter.consume({ scope, ip: "198.51.100.1", email: "c@x.test" })).status).toBe("limited");
    expect((await limiter.consume({ scope, ip: "198.51.100.2", email: "c@x.test" })).status).toBe("allowed");
  });

  it("a successful sign-in clears the email window (the limit counts consecutive failures)", async () => {
    const limiter = createSignInLimiter({
      upstash: upstash(),
      ipLimit: 100,
      emailLimit: 2,
      windowSeconds: 60,
      prefix: `t:${unique()}`,
    });
    const attempt = { scope: unique(), ip: "203.0.113.9", email: "user@x.test" };
    await limiter.consume(attempt);
    await limiter.consume(attempt);
    await limiter.recordOutcome(attempt, true);
    expect(await limiter.consume(attempt)).toEqual({ status: "allowed" });
  });
});

describe("sign-in limiter: no lockout of the real user (OWASP device cookies, NIST cap)", () => {
  const make = (overrides: Partial<Parameters<typeof createSignInLimiter>[0]> = {}) =>
    createSignInLimiter({
      upstash: upstash(),
      ipLimit: 1000,
      emailLimit: 3,
      windowSeconds: 60,
      prefix: `t:${unique()}`,
      ...overrides,
    });

  it("an attacker's failures on an account lock out untrusted clients but not the user's trusted device", async () => {
    const limiter = make();
    const scope = unique();
    const attacker = { scope, ip: "198.51.100.66", email: "ops@example.test" };
    for (let i = 0; i < 10; i++) {
      const verdict = await limiter.consume({ ...attacker, ip: `198.51.100.${i}` });
      if (verdict.status === "allowed") await limiter.recordOutcome(attacker, false);
    }
    expect((await limiter.consume({ ...attacker, ip: "203.0.113.200" })).status).toBe("limited");
    // The real operator's browser (device cookie) has its own budget.
    const user = { scope, ip: "203.0.113.10", email: "ops@example.test", deviceId: "device-of-the-real-user" };
    expect(await limiter.consume(user)).toEqual({ status: "allowed" });
  });

  it("a device cookie that keeps failing is put in lockout (then it is an untrusted client)", async () => {
    const limiter = make({ emailLimit: 1000, deviceLimit: 2, maxConsecutiveFailures: 3 });
    const account = { scope: unique(), ip: "203.0.113.16", email: "x@x.test" };
    for (let i = 0; i < 3; i++) await limiter.recordOutcome(account, false); // untrusted clients: at the cap
    const device = { ...account, deviceId: "stolen-device" };
    expect((await limiter.consume(device)).status).toBe("allowed");
    for (let i = 0; i < 2; i++) await limiter.recordOutcome(device, false);
    expect((await limiter.consume(device)).status).toBe("limited");
  });

  it("a trusted device is bounded by its own window", async () => {
    const limiter = make({ deviceLimit: 2 });
    const device = { scope: unique(), ip: "203.0.113.11", email: "u@x.test", deviceId: "d1" };
    expect((await limiter.consume(device)).status).toBe("allowed");
    expect((await limiter.consume(device)).status).toBe("allowed");
    expect((await limiter.consume(device)).status).toBe("limited");
    expect((await limiter.consume({ ...device, deviceId: "d2" })).status).toBe("allowed");
  });

  it.each([
    [2, 3, 0],
    [3, 3, 1],
    [4, 3, 2],
    [8, 3, 32],
    [60, 3, 900],
  ])(
    "after %i consecutive failures (threshold %i) untrusted clients wait %i s",
    async (failures, threshold, seconds) => {
      expect(delayAfterFailures(failures, threshold)).toBe(seconds);
    },
  );

  it("growing delays after `emailLimit` failures; a success clears them", async () => {
    const limiter = make({ emailLimit: 1000 });
    const attempt = { scope: unique(), ip: "203.0.113.12", email: "v@x.test" };
    // emailLimit is the delay threshold: with a high window, only the failures decide.
    const strict = make({ emailLimit: 2, prefix: `t:${unique()}` });
    for (let i = 0; i < 2; i++) await strict.recordOutcome(attempt, false);
    const limited = await strict.consume({ ...attempt, ip: "203.0.113.13" });
    expect(limited).toEqual({ status: "limited", retryAfterSeconds: 1, reason: "account" });
    await strict.recordOutcome(attempt, true);
    expect(await strict.consume({ ...attempt, ip: "203.0.113.14" })).toEqual({ status: "allowed" });
    expect(await limiter.consume(attempt)).toEqual({ status: "allowed" });
  });

  it("refuses untrusted clients after the NIST cap of consecutive failures, until a success", async () => {
    const limiter = make({ emailLimit: 1000, maxConsecutiveFailures: 4 });
    const attempt = { scope: unique(), ip: "203.0.113.15", email: "w@x.test" };
    for (let i = 0; i < 4; i++) await limiter.recordOutcome(attempt, false);
    const verdict = await limiter.consume(attempt);
    expect(verdict.status).toBe("limited");
    expect(verdict.status === "limited" && verdict.retryAfterSeconds).toBeGreaterThan(3600);
    expect((await limiter.consume({ ...attempt, deviceId: "trusted" })).status).toBe("allowed");
  });
});

describe("sign-in limiter fails closed", () => {
  let hanging: Server;
  let hangingUrl: string;
  beforeAll(async () => {
    hanging = createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const address = hanging.address();
    hangingUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  const attempt = { scope: "t", ip: "203.0.113.1", email: "a@x.test" };

  it("when Redis is unreachable", async () => {
    const limiter = createSignInLimiter({
      upstash: { url: "http://127.0.0.1:9", token: "x" },
      ipLimit: 5,
      emailLimit: 5,
      windowSeconds: 60,
    });
    expect(await limiter.consume(attempt)).toEqual({ status: "unavailable" });
  });

  it("when Redis hangs, within the time budget (no retry storm)", async () => {
    const limiter = createSignInLimiter({
      upstash: { url: hangingUrl, token: "x" },
      ipLimit: 5,
      emailLimit: 5,
      windowSeconds: 60,
      timeoutMs: 200,
    });
    const started = Date.now();
    expect(await limiter.consume(attempt)).toEqual({ status: "unavailable" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
