// Which providers a tenant host offers, and that every one goes through the one shared callback.
// (No live Google/GitHub here: this checks the construction, not the remote IdPs.)
import { describe, expect, it } from "vitest";
import { buildSocialProviders, buildTenantSsoProvider, toExternalIdentity } from "@repo/auth/sso";

const proxy = "http://auth.localhost:3000/api/auth";
const connection = {
  issuer: "http://localhost:3005",
  clientId: "platform-dev",
  clientSecret: "s",
  domains: ["acme.test"],
  defaultRoles: [],
  enforced: false,
};

describe("provider construction", () => {
  it("builds the tenant's OIDC provider with discovery, PKCE + state + nonce and the redirect proxy", () => {
    const provider = buildTenantSsoProvider(connection, proxy, "Acme SSO") as unknown as Record<string, unknown>;
    expect(provider).toMatchObject({
      id: "sso",
      type: "oidc",
      issuer: "http://localhost:3005",
      clientId: "platform-dev",
      redirectProxyUrl: proxy,
    });
    expect(provider.checks).toEqual(["pkce", "state", "nonce"]);
  });

  it.each([
    ["nothing configured", {}, []],
    ["Google only", { google: { clientId: "g", clientSecret: "gs" } }, ["google"]],
    ["GitHub only", { github: { clientId: "h", clientSecret: "hs" } }, ["github"]],
    [
      "both, Google first",
      { github: { clientId: "h", clientSecret: "hs" }, google: { clientId: "g", clientSecret: "gs" } },
      ["google", "github"],
    ],
  ])("social providers: %s", (_name, credentials, ids) => {
    const providers = buildSocialProviders(credentials, proxy) as unknown as Record<string, unknown>[];
    expect(providers.map((p) => p.id)).toEqual(ids);
    for (const p of providers) {
      const options = (p.options ?? {}) as Record<string, unknown>;
      expect(p.redirectProxyUrl ?? options.redirectProxyUrl).toBe(proxy);
    }
  });
});

describe("toExternalIdentity", () => {
  it.each([
    [
      "tenant OIDC: issuer-scoped subject",
      "sso",
      "http://localhost:3005",
      { sub: "s1", email: "A@acme.test", email_verified: true },
      { provider: "oidc:http://localhost:3005", subject: "s1", email: "a@acme.test", emailVerified: true },
    ],
    [
      "email_verified as a string is not verified",
      "sso",
      "http://i",
      { sub: "s1", email: "a@acme.test", email_verified: "true" },
      { provider: "oidc:http://i", subject: "s1", email: "a@acme.test", emailVerified: false },
    ],
    [
      "Google",
      "google",
      undefined,
      { sub: "g1", email: "a@acme.test", email_verified: true },
      { provider: "google", subject: "g1", email: "a@acme.test", emailVerified: true },
    ],
    [
      "GitHub numeric id",
      "github",
      undefined,
      { id: 42, email: "a@acme.test", email_verified: false },
      { provider: "github", subject: "42", email: "a@acme.test", emailVerified: false },
    ],
    ["no subject", "sso", "http://i", { email: "a@acme.test", email_verified: true }, null],
  ] as const)("%s", (_name, providerId, issuer, profile, expected) => {
    expect(toExternalIdentity(providerId, issuer, profile as Record<string, unknown>)).toEqual(expected);
  });
});
