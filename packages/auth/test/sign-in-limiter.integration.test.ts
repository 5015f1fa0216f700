// The sign-in limiter against the real Redis (via the repo's Upstash-REST bridge), and its
// fail-closed behaviour when Redis is unreachable or hangs.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignInLimiter } from "@repo/auth/server";

const upstash = () => {
  const url = process.env.UPSTASH_REDIS_REST_URL;
  const token = process.env.UPSTASH_REDIS_REST_TOKEN;
  if (!url || !token) throw new Error("UPSTASH_* missing: run through the root vitest config (global setup).");
  return { url, token };
};
const unique = () => crypto.randomUUID();

describe("sign-in limiter (real Redis)", () => {
  it("allows `emailLimit` attempts per (scope, email), then answers limited with a retry delay", async () => {
    const limiter = createSignInLimiter({ upstash: upstash(), ipLimit: 100, emailLimit: 3, windowSeconds: 60, prefix: `t:${unique()}` });
    const attempt = { scope: unique(), ip: "203.0.113.7", email: "Someone@Example.test" };
    for (let i = 0; i < 3; i++) expect(await limiter.consume(attempt)).toEqual({ status: "allowed" });
    const limited = await limiter.consume({ ...attempt, email: "someone@example.test " });
    expect(limited.status).toBe("limited");
    expect(limited.status === "limited" && limited.retryAfterSeconds).toBeGreaterThan(0);
    // Another scope (tenant or "admin"), same email: independent.
    expect(await limiter.consume({ ...attempt, scope: unique() })).toEqual({ status: "allowed" });
  });

  it("limits per (scope, ip) across different emails", async () => {
    const limiter = createSignInLimiter({ upstash: upstash(), ipLimit: 2, emailLimit: 100, windowSeconds: 60, prefix: `t:${unique()}` });
    const scope = unique();
    expect((await limiter.consume({ scope, ip: "198.51.100.1", email: "a@x.test" })).status).toBe("allowed");
    expect((await limiter.consume({ scope, ip: "198.51.100.1", email: "b@x.test" })).status).toBe("allowed");
    expect((await limiter.consume({ scope, ip: "198.51.100.1", email: "c@x.test" })).status).toBe("limited");
    expect((await limiter.consume({ scope, ip: "198.51.100.2", email: "c@x.test" })).status).toBe("allowed");
  });

  it("a successful sign-in clears the email window (the limit counts consecutive failures)", async () => {
    const limiter = createSignInLimiter({ upstash: upstash(), ipLimit: 100, emailLimit: 2, windowSeconds: 60, prefix: `t:${unique()}` });
    const attempt = { scope: unique(), ip: "203.0.113.9", email: "user@x.test" };
    await limiter.consume(attempt);
    await limiter.consume(attempt);
    await limiter.clearEmail(attempt);
    expect(await limiter.consume(attempt)).toEqual({ status: "allowed" });
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
    const limiter = createSignInLimiter({ upstash: { url: "http://127.0.0.1:9", token: "x" }, ipLimit: 5, emailLimit: 5, windowSeconds: 60 });
    expect(await limiter.consume(attempt)).toEqual({ status: "unavailable" });
  });

  it("when Redis hangs, within the time budget (no retry storm)", async () => {
    const limiter = createSignInLimiter({ upstash: { url: hangingUrl, token: "x" }, ipLimit: 5, emailLimit: 5, windowSeconds: 60, timeoutMs: 200 });
    const started = Date.now();
    expect(await limiter.consume(attempt)).toEqual({ status: "unavailable" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
