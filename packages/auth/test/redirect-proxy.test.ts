// The shared OAuth callback host (Auth.js redirect proxy) as an adversarial table: it forwards
// only states our own tenant app sealed, only to `/api/auth/callback/<same provider>` on an
// active tenant host, and answers everything else with a 400/404 page — never a redirect.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { createRedirectProxy } from "@repo/auth/sso";

const SECRET = "test-secret-for-the-redirect-proxy-0123456789";
const ACTIVE = new Set(["acme.localhost:3000", "globex.localhost:3000"]);

const proxy = createRedirectProxy({
  secret: async () => SECRET,
  proxyOrigin: "http://auth.localhost:3000",
  providerIds: () => ["sso", "google"],
  isActiveTenantHost: async (host) => ACTIVE.has(host),
});

/** A state as the tenant app's Auth.js seals it when it uses the redirect proxy. */
const sealState = (origin: string, secret = SECRET) =>
  encode({ secret, salt: "encodedState", token: { origin, random: "r4nd0m" }, maxAge: 900 });

const callback = (query: string, path = "/api/auth/callback/sso", method = "GET") =>
  proxy.handle(
    new Request(`http://localhost:3000${path}?${query}`, { method, headers: { host: "auth.localhost:3000" } }),
  );

describe("redirect proxy", () => {
  it("forwards code + state to the tenant host that started the sign-in, setting no cookie", async () => {
    const state = await sealState("http://acme.localhost:3000/api/auth/callback/sso");
    const response = await callback(`code=c0de&state=${encodeURIComponent(state)}&iss=http%3A%2F%2Flocalhost%3A3005`);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe("http://acme.localhost:3000/api/auth/callback/sso");
    expect(location.searchParams.get("code")).toBe("c0de");
    expect(location.searchParams.get("state")).toBe(state);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it.each([
    ["a foreign host", "http://evil.example.com/api/auth/callback/sso"],
    ["a look-alike tenant host", "http://acme.localhost:3000.evil.com/api/auth/callback/sso"],
    ["an unknown or inactive tenant", "http://suspended.localhost:3000/api/auth/callback/sso"],
    ["another provider's callback", "http://acme.localhost:3000/api/auth/callback/google"],
    ["another path on a tenant", "http://acme.localhost:3000/projects"],
    ["https when the proxy is http", "https://acme.localhost:3000/api/auth/callback/sso"],
    ["userinfo in the target", "http://user@acme.localhost:3000/api/auth/callback/sso"],
    ["the proxy host itself", "http://auth.localhost:3000/api/auth/callback/sso"],
  ])("refuses a sealed state whose target is %s", async (_name, origin) => {
    const response = await callback(`code=c0de&state=${encodeURIComponent(await sealState(origin))}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("invalid_sso_state");
  });

  it.each([
    ["no state", async () => "code=c0de"],
    [
      "a tampered state",
      async () =>
        `code=c0de&state=${encodeURIComponent(`${(await sealState("http://acme.localhost:3000/api/auth/callback/sso")).slice(0, -3)}abc`)}`,
    ],
    [
      "a state sealed with another secret",
      async () =>
        `code=c0de&state=${encodeURIComponent(await sealState("http://acme.localhost:3000/api/auth/callback/sso", "another-secret-another-secret-0123456789"))}`,
    ],
    ["garbage state", async () => "code=c0de&state=not-a-jwe"],
    ["an IdP error response", async () => "error=access_denied&state=x"],
  ])("refuses %s with a 400 page", async (_name, query) => {
    const response = await callback(await query());
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });

  it.each([
    ["an unknown provider", "/api/auth/callback/evil", "GET"],
    ["another Auth.js action", "/api/auth/signin/sso", "GET"],
    ["a POST", "/api/auth/callback/sso", "POST"],
  ])("answers %s with 404", async (_name, path, method) => {
    expect((await callback("code=c0de&state=x", path, method)).status).toBe(404);
  });
});
