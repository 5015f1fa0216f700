// The SSO account policy as an adversarial table: JIT only for verified emails on verified
// domains, linking only under the same conditions, disabled users refused, enforcement by domain.
import { describe, expect, it } from "vitest";
import { decideSsoAccount, isEmailUnderEnforcedSso, type ExternalIdentity } from "@repo/auth/sso";

const identity = (over: Partial<ExternalIdentity> = {}): ExternalIdentity => ({
  provider: "oidc:http://localhost:3005",
  subject: "sub-1",
  email: "alice@acme.test",
  emailVerified: true,
  ...over,
});
const active = { id: "u-1", disabled: false };
const disabled = { id: "u-2", disabled: true };
const domains = ["acme.test"];

describe("decideSsoAccount", () => {
  it.each([
    [
      "verified email on a verified domain, no account → provision",
      identity(),
      null,
      null,
      { type: "provision", email: "alice@acme.test" },
    ],
    [
      "mixed-case email is normalised before the domain check",
      identity({ email: "Alice@ACME.test" }),
      null,
      null,
      { type: "provision", email: "alice@acme.test" },
    ],
    ["verified email matches a password account → link", identity(), null, active, { type: "link", user: active }],
    ["already linked identity → existing user", identity(), active, null, { type: "existing", user: active }],
    ["linked but disabled → refused", identity(), disabled, null, { type: "refuse", code: "account_disabled" }],
    ["email match but disabled → refused", identity(), null, disabled, { type: "refuse", code: "account_disabled" }],
    [
      "email_verified false → refused, never linked",
      identity({ emailVerified: false }),
      null,
      active,
      { type: "refuse", code: "sso_email_unverified" },
    ],
    [
      "no email claim → refused",
      identity({ email: null }),
      null,
      null,
      { type: "refuse", code: "sso_email_unverified" },
    ],
    [
      "email without a domain → refused",
      identity({ email: "alice@" }),
      null,
      null,
      { type: "refuse", code: "sso_email_unverified" },
    ],
    [
      "domain not verified by the tenant → refused",
      identity({ email: "alice@globex.test" }),
      null,
      null,
      { type: "refuse", code: "sso_domain_not_allowed" },
    ],
    [
      "look-alike domain → refused",
      identity({ email: "alice@acme.test.evil.com" }),
      null,
      null,
      { type: "refuse", code: "sso_domain_not_allowed" },
    ],
    [
      "subdomain of a verified domain is not the domain → refused",
      identity({ email: "alice@eu.acme.test" }),
      null,
      null,
      { type: "refuse", code: "sso_domain_not_allowed" },
    ],
    [
      "trailing dot → refused",
      identity({ email: "alice@acme.test." }),
      null,
      null,
      { type: "refuse", code: "sso_domain_not_allowed" },
    ],
    [
      "quoted local part with @ → uses the last @",
      identity({ email: '"x@acme.test"@evil.com' }),
      null,
      null,
      { type: "refuse", code: "sso_domain_not_allowed" },
    ],
  ] as const)("%s", (_name, id, linked, byEmail, expected) => {
    expect(decideSsoAccount({ identity: id, linked, byEmail, verifiedDomains: domains })).toEqual(expected);
  });

  it("refuses every email when the tenant has verified no domain", () => {
    expect(decideSsoAccount({ identity: identity(), linked: null, byEmail: active, verifiedDomains: [] })).toEqual({
      type: "refuse",
      code: "sso_domain_not_allowed",
    });
  });
});

describe("isEmailUnderEnforcedSso", () => {
  const enforced = { enforced: true, domains: ["acme.test"] };
  it.each([
    ["enforced domain", enforced, "owner@acme.test", true],
    ["case and spaces", enforced, "  Owner@ACME.test ", true],
    ["other domain of the tenant", enforced, "owner@globex.test", false],
    ["subdomain", enforced, "owner@eu.acme.test", false],
    ["not enforced", { enforced: false, domains: ["acme.test"] }, "owner@acme.test", false],
    ["no connection", null, "owner@acme.test", false],
    ["garbage", enforced, "acme.test", false],
  ] as const)("%s", (_name, connection, email, expected) => {
    expect(isEmailUnderEnforcedSso(connection, email)).toBe(expected);
  });
});
