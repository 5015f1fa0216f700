// The sign-in wrapper's HTTP contract with a scripted limiter (no Redis): what it counts, what it
// answers when refusing, and that a refusal never reaches Auth.js. The real-Redis and real-route
// behaviour is covered by sign-in-limiter.integration.test.ts and both apps' route tests.
import { describe, expect, it, vi } from "vitest";
import { withSignInLimits, type SignInAttempt, type SignInLimitResult, type SignInLimiter } from "@repo/auth/server";

function scriptedLimiter(result: SignInLimitResult) {
  const consumed: SignInAttempt[] = [];
  const outcomes: [SignInAttempt, boolean][] = [];
  const limiter: SignInLimiter = {
    consume: async (attempt) => (consumed.push(attempt), result),
    recordOutcome: async (attempt, succeeded) => void outcomes.push([attempt, succeeded]),
  };
  return { limiter, consumed, outcomes };
}

const post = (body: string, type: string, headers: Record<string, string> = {}) =>
  new Request("http://acme.localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": type, ...headers },
    body,
  });

const authJs = (url: string) => vi.fn(async (request: Request) => (await request.text(), Response.json({ url })));

describe("withSignInLimits", () => {
  it.each([
    [
      "form, last duplicate wins",
      post("email=decoy%40x.test&password=p&email=Victim%40X.test", "application/x-www-form-urlencoded"),
    ],
    [
      "json, last duplicate key wins",
      post('{"email":"decoy@x.test","password":"p","email":" victim@x.test"}', "application/json"),
    ],
  ])(
    "counts the email Auth.js authenticates (%s) under the scope and the nearest proxy's IP",
    async (_name, request) => {
      const { limiter, consumed } = scriptedLimiter({ status: "allowed" });
      const handler = authJs("http://acme.localhost:3000/signin?error=CredentialsSignin");
      const wrapped = withSignInLimits(handler, { limiter, scopeKey: () => "tenant-1" });
      request.headers.set("x-forwarded-for", "6.6.6.6, 203.0.113.5");
      expect((await wrapped(request)).status).toBe(200);
      expect(consumed).toEqual([{ scope: "tenant-1", ip: "203.0.113.5", email: "victim@x.test" }]);
      expect(handler).toHaveBeenCalledOnce();
    },
  );

  it("over the limit: 429 + Retry-After + a friendly message; Auth.js never runs; the attempt is reported", async () => {
    const { limiter } = scriptedLimiter({ status: "limited", retryAfterSeconds: 42, reason: "account" });
    const handler = authJs("/");
    const onAttempt = vi.fn(async () => {});
    const response = await withSignInLimits(handler, { limiter, scopeKey: () => "admin", onAttempt })(
      post("email=a%40x.test", "application/x-www-form-urlencoded"),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect(await response.json()).toEqual({
      error: { code: "rate_limited", message: expect.stringContaining("wait 42 seconds") },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(onAttempt).toHaveBeenCalledWith(
      { scope: "admin", ip: "unknown", email: "a@x.test", verdict: "limited", reason: "account" },
      expect.any(Request),
      response,
    );
  });

  it.each([
    ["the limiter can't reach Redis", scriptedLimiter({ status: "unavailable" }).limiter],
    ["no limiter is configured", null],
  ])("fails closed with 503 when %s", async (_name, limiter) => {
    const handler = authJs("/");
    const response = await withSignInLimits(handler, { limiter: () => limiter, scopeKey: () => "t" })(
      post("{}", "application/json"),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toMatchObject({ error: { code: "service_unavailable" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 404 without counting when the request has no scope (unknown tenant host)", async () => {
    const { limiter, consumed } = scriptedLimiter({ status: "allowed" });
    const response = await withSignInLimits(authJs("/"), { limiter, scopeKey: async () => null })(
      post("{}", "application/json"),
    );
    expect(response.status).toBe(404);
    expect(consumed).toEqual([]);
  });

  it("records each answered attempt's outcome (success clears the account's failure state)", async () => {
    const ok = scriptedLimiter({ status: "allowed" });
    await withSignInLimits(authJs("http://acme.localhost:3000/"), { limiter: ok.limiter, scopeKey: () => "t" })(
      post('{"email":"a@x.test"}', "application/json"),
    );
    expect(ok.outcomes).toEqual([[{ scope: "t", ip: "unknown", email: "a@x.test" }, true]]);
    const failed = scriptedLimiter({ status: "allowed" });
    await withSignInLimits(authJs("/signin?error=CredentialsSignin"), { limiter: failed.limiter, scopeKey: () => "t" })(
      post('{"email":"a@x.test"}', "application/json"),
    );
    expect(failed.outcomes).toEqual([[{ scope: "t", ip: "unknown", email: "a@x.test" }, false]]);
  });

  it.each([
    ["application/jsonx", '{"email":"a@x.test"}', 400],
    ["text/plain", "email=a%40x.test", 400],
    ["application/json; charset=utf-8", `{"email":"${"a".repeat(20_000)}"}`, 413],
  ])("refuses %s bodies it can't read safely (%#) without counting", async (type, body, status) => {
    const { limiter, consumed } = scriptedLimiter({ status: "allowed" });
    const handler = authJs("/");
    const response = await withSignInLimits(handler, { limiter, scopeKey: () => "t" })(post(body, type));
    expect(response.status).toBe(status);
    expect(consumed).toEqual([]);
    expect(handler).not.toHaveBeenCalled();
  });
});
