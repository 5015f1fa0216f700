import { afterEach, describe, expect, it, vi } from "vitest";
import { authorizeRequest, decisionToResponse, type Decision } from "@repo/auth/gate";
import { ACME, GLOBEX, SUSPENDED, b64url, makeKeys, mintSession, nowSeconds, signRaw, validPayload } from "./fixtures";
import { COOKIE, ROOT_DOMAIN, gateOptions, request } from "./gate-fixtures";

const { keys } = await makeKeys();
const options = gateOptions(keys);

const expectRedirect = (d: Decision, callbackUrl: string) => {
  expect(d.type).toBe("redirect");
  if (d.type === "redirect") expect(d.location).toBe(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
};

describe("authorizeRequest", () => {
  afterEach(() => vi.useRealTimers());

  it("404s unknown tenants and hosts; X-Forwarded-Host is ignored unless trusted", async () => {
    expect(await authorizeRequest(request("/", { host: "evil.example.com" }), options)).toMatchObject({
      status: 404,
      code: "tenant_not_found",
    });
    expect(await authorizeRequest(request("/", { host: "acme.example.com.evil.com" }), options)).toMatchObject({
      status: 404,
    });
    const spoof = request("/signin", { host: "evil.example.com", headers: { "x-forwarded-host": "acme.example.com" } });
    expect(await authorizeRequest(spoof, options)).toMatchObject({ status: 404 });
    const trusted = await authorizeRequest(spoof, gateOptions(keys, null, { trustForwardedHost: true }));
    expect(trusted).toMatchObject({ type: "allow", reason: "public-route" });
  });

  it("takes the tenant from the host with the platform's one parser (default ports only under a portless root)", async () => {
    for (const host of [`acme.${ROOT_DOMAIN}`, `acme.${ROOT_DOMAIN}:443`, `ACME.${ROOT_DOMAIN}:80`]) {
      expect(await authorizeRequest(request("/signin", { host }), options)).toMatchObject({ reason: "public-route" });
    }
    for (const host of [
      `acme.${ROOT_DOMAIN}:8443`,
      `acme.${ROOT_DOMAIN}.`,
      `www.${ROOT_DOMAIN}`,
      `a.acme.${ROOT_DOMAIN}`,
    ]) {
      expect(await authorizeRequest(request("/signin", { host }), options)).toMatchObject({ status: 404 });
    }
  });

  it("fails closed with a 503 (never throws) when a dependency fails", async () => {
    const broken = gateOptions(keys, null, {
      resolveTenant: () => {
        throw new Error("control plane unreachable");
      },
    });
    const d = await authorizeRequest(request("/projects"), broken);
    expect(d).toMatchObject({ type: "deny", status: 503, code: "service_unavailable" });
    const rejecting = gateOptions(keys, null, { resolveTenant: () => Promise.reject(new Error("timeout")) });
    expect(await authorizeRequest(request("/api/me"), rejecting)).toMatchObject({ status: 503 });
  });

  it("answers a suspended tenant clearly", async () => {
    const d = await authorizeRequest(request("/", { host: `${SUSPENDED.slug}.example.com` }), options);
    expect(d).toMatchObject({ type: "deny", status: 403, code: "tenant_suspended" });
    const res = decisionToResponse(d as never);
    expect(await res.json()).toEqual({
      error: { code: "tenant_suspended", message: expect.stringContaining("suspended") },
    });
  });

  it("lets public routes through with the tenant context and strips client x-repo-* headers", async () => {
    const d = await authorizeRequest(
      request("/signin?x=1", { headers: { "x-repo-user-id": "admin", "X-Repo-Tenant-Id": GLOBEX.id, "x-keep": "1" } }),
      options,
    );
    expect(d).toMatchObject({ type: "allow", reason: "public-route", claims: null });
    if (d.type !== "allow") return;
    expect(d.requestHeaders().get("x-repo-user-id")).toBeNull();
    expect(d.requestHeaders().get("x-repo-tenant-id")).toBe(ACME.id);
    expect(d.requestHeaders().get("x-keep")).toBe("1");
  });

  it("redirects pages to /signin with a relative callbackUrl, 401s the API", async () => {
    expectRedirect(await authorizeRequest(request("/projects?tab=all"), options), "/projects?tab=all");
    const api = await authorizeRequest(request("/api/projects"), options);
    expect(api).toMatchObject({ type: "deny", status: 401, code: "unauthenticated" });
    const res = decisionToResponse(api as never);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("allows a valid session and forwards only the verified context", async () => {
    const token = await mintSession(keys);
    const d = await authorizeRequest(
      request("/projects", { token, headers: { "x-repo-permissions": "tenant:manage" } }),
      options,
    );
    expect(d).toMatchObject({ type: "allow", reason: "authorized" });
    if (d.type !== "allow") return;
    expect(d.forwardHeaders).toMatchObject({
      "x-repo-tenant-id": ACME.id,
      "x-repo-user-id": "user-1",
      "x-repo-tenant-slug": "acme",
    });
    expect(d.requestHeaders().get("x-repo-permissions")).toBe("projects:read,projects:write,members:read,tenant:read");
  });

  it("403s a missing permission (member on /settings, member deleting)", async () => {
    const token = await mintSession(keys);
    expect(await authorizeRequest(request("/settings", { token }), options)).toMatchObject({
      status: 403,
      code: "forbidden",
    });
    expect(await authorizeRequest(request("/api/projects/p1", { token, method: "DELETE" }), options)).toMatchObject({
      status: 403,
    });
    expect(await authorizeRequest(request("/api/projects", { token, method: "POST" }), options)).toMatchObject({
      type: "allow",
    });
  });

  it("rejects another tenant's token on this host, even after it was cached there", async () => {
    const globexToken = await mintSession(keys, { tid: GLOBEX.id });
    const onGlobex = await authorizeRequest(
      request("/projects", { token: globexToken, host: "globex.example.com" }),
      options,
    );
    expect(onGlobex.type).toBe("allow");
    const onAcme = await authorizeRequest(request("/projects", { token: globexToken }), options);
    expect(onAcme).toMatchObject({ type: "redirect", reason: "tenant-mismatch" });
    if (onAcme.type === "redirect") expect(onAcme.clearCookie).toMatchObject({ name: COOKIE, maxAge: 0 });
  });

  it("never throws on attack tokens: each becomes a sign-in redirect", async () => {
    const evil = [
      "x",
      "a.b.c",
      "a.b.c.d.e",
      `${b64url(JSON.stringify({ alg: "none", kid: keys.signing.kid }))}.${b64url(JSON.stringify(validPayload()))}.`,
      await signRaw(keys, {}, validPayload({ iss: "evil" })),
      (await mintSession(keys)) + "x".repeat(10_000),
    ];
    for (const token of evil) {
      const d = await authorizeRequest(request("/projects", { token }), options);
      expect(d.type).toBe("redirect");
    }
  });

  it("cache entries expire with the token", async () => {
    const now = Date.now();
    const token = await mintSession(keys, { auth_time: nowSeconds() - 5 }, { expiresIn: 60 });
    const opts = gateOptions(keys);
    expect((await authorizeRequest(request("/projects", { token }), opts)).type).toBe("allow");
    vi.useFakeTimers({ now: now + 61_000 + 16_000, toFake: ["Date"] });
    const d = await authorizeRequest(request("/projects", { token }), opts);
    expect(d).toMatchObject({ type: "redirect", reason: "token:token_expired" });
  });
});
