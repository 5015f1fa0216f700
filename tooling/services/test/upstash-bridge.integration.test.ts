// Contract tests: the real @upstash/redis client (and @upstash/ratelimit) through the repo's
// Upstash-REST bridge against the real Redis provided by the global setup. If these pass, code
// written against Upstash runs unchanged locally and in CI.
import { randomUUID } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { afterAll, describe, expect, inject, it } from "vitest";

const services = inject("services");
const prefix = `bridge-test:${randomUUID()}:`;
const key = (name: string) => `${prefix}${name}`;

const createRedis = (token = services.UPSTASH_REDIS_REST_TOKEN) =>
  new Redis({ url: services.UPSTASH_REDIS_REST_URL, token, retry: false, enableTelemetry: false });

const redis = createRedis();

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});

describe("@upstash/redis through the bridge", () => {
  it("round-trips unicode strings (base64 response encoding)", async () => {
    const value = 'héllo wörld — 你好 👋 "quoted" \n newline';
    expect(await redis.set(key("unicode"), value)).toBe("OK");
    expect(await redis.get(key("unicode"))).toBe(value);
  });

  it("returns numbers as numbers", async () => {
    expect(await redis.incr(key("counter"))).toBe(1);
    expect(await redis.incrby(key("counter"), 41)).toBe(42);
    await redis.set(key("number"), 3.5);
    expect(await redis.get<number>(key("number"))).toBe(3.5);
  });

  it("serializes and deserializes JSON objects automatically", async () => {
    const value = { name: "Acme", tags: ["a", "ü"], nested: { count: 2, ok: true }, none: null };
    await redis.set(key("json"), value);
    expect(await redis.get(key("json"))).toEqual(value);
  });

  it("sets a TTL with `ex`", async () => {
    await redis.set(key("ttl"), "v", { ex: 60 });
    const ttl = await redis.ttl(key("ttl"));
    expect(ttl).toBeGreaterThan(55);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it("reads several keys with mget, null for missing ones", async () => {
    await redis.mset({ [key("m1")]: "one", [key("m2")]: { two: 2 } });
    expect(await redis.mget(key("m1"), key("m2"), key("missing"))).toEqual(["one", { two: 2 }, null]);
  });

  it("returns flat arrays and hashes like Upstash (RESP2)", async () => {
    await redis.hset(key("hash"), { a: "1", b: "zwei" });
    expect(await redis.hgetall(key("hash"))).toEqual({ a: 1, b: "zwei" });
    await redis.rpush(key("list"), "x", "ÿ");
    expect(await redis.lrange(key("list"), 0, -1)).toEqual(["x", "ÿ"]);
  });

  it("runs pipelines and reports per-command errors", async () => {
    const results = await redis.pipeline().set(key("p1"), "a").incr(key("p2")).get(key("p1")).exec();
    expect(results).toEqual(["OK", 1, "a"]);

    const withError = await redis
      .pipeline()
      .set(key("p3"), "not-a-number")
      .incr(key("p3"))
      .get(key("p3"))
      .exec({ keepErrors: true });
    expect(withError[0]?.result).toBe("OK");
    expect(withError[1]?.error).toMatch(/not an integer/);
    expect(withError[2]?.result).toBe("not-a-number");
  });

  it("runs MULTI/EXEC transactions", async () => {
    const results = await redis.multi().set(key("t1"), "v").incr(key("t2")).incr(key("t2")).get(key("t1")).exec();
    expect(results).toEqual(["OK", 1, 2, "v"]);
  });

  it("runs Lua scripts with eval, scriptLoad and evalsha", async () => {
    const script = "redis.call('SET', KEYS[1], ARGV[1]); return {redis.call('GET', KEYS[1]), tonumber(ARGV[2]) + 1}";
    expect(await redis.eval(script, [key("lua")], ["lüa", "41"])).toEqual(["lüa", 42]);
    const sha = await redis.scriptLoad(script);
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await redis.evalsha(sha, [key("lua2")], ["again", "1"])).toEqual(["again", 2]);
    await expect(redis.evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
  });

  it("surfaces an error reply as an error", async () => {
    await redis.set(key("str"), "text");
    await expect(redis.lpush(key("str"), "x")).rejects.toThrow(/WRONGTYPE/);
  });

  it("rejects a wrong token", async () => {
    await expect(createRedis("wrong-token").get(key("any"))).rejects.toThrow(/Unauthorized/);
  });
});

describe("@upstash/ratelimit through the bridge", () => {
  it("enforces a sliding window", async () => {
    const limiter = new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(3, "10 s"),
      prefix: key("ratelimit"),
      ephemeralCache: false,
    });
    const identifier = randomUUID();
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await limiter.limit(identifier));
    expect(outcomes.map((o) => o.success)).toEqual([true, true, true, false]);
    expect(outcomes[3]?.remaining).toBe(0);
    expect(outcomes.every((o) => o.reason !== "timeout")).toBe(true);
  });
});
