// Operator input for an SSO connection: bad issuers, domains and sizes are 400s, not surprises later.
import { describe, expect, it } from "vitest";
import { ssoConnectionInputSchema } from "@repo/auth/sso";

const valid = {
  issuer: "https://idp.acme.com",
  clientId: "c",
  clientSecret: "s",
  domains: ["Acme.com"],
  defaultRoles: ["member"],
};

describe("ssoConnectionInputSchema", () => {
  it("normalises a valid connection (lowercase, sorted, deduplicated domains; no trailing slash)", () => {
    const parsed = ssoConnectionInputSchema.parse({
      ...valid,
      issuer: "https://idp.acme.com/",
      domains: ["b.com", "Acme.com", "acme.com"],
    });
    expect(parsed).toEqual({ ...valid, domains: ["acme.com", "b.com"], enforced: false });
  });

  it("accepts http only for a loopback issuer (the dev IdP)", () => {
    expect(ssoConnectionInputSchema.safeParse({ ...valid, issuer: "http://localhost:3005" }).success).toBe(true);
  });

  it.each([
    ["http issuer on a public host", { issuer: "http://idp.acme.com" }],
    ["javascript: issuer", { issuer: "javascript:alert(1)" }],
    ["issuer with a query", { issuer: "https://idp.acme.com/?x=1" }],
    ["issuer with credentials", { issuer: "https://user:pw@idp.acme.com" }],
    ["no domains", { domains: [] }],
    ["wildcard domain", { domains: ["*.acme.com"] }],
    ["domain without a dot", { domains: ["localhost"] }],
    ["domain with a trailing dot", { domains: ["acme.com."] }],
    ["email instead of a domain", { domains: ["a@acme.com"] }],
    ["empty client id", { clientId: "" }],
    ["non-boolean enforced", { enforced: "yes" }],
    ["too many default roles", { defaultRoles: Array.from({ length: 21 }, (_, i) => `r${i}`) }],
  ])("rejects %s", (_name, patch) => {
    expect(ssoConnectionInputSchema.safeParse({ ...valid, ...patch }).success).toBe(false);
  });
});
