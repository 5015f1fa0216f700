import { parseTenantSlug, RESERVED_SLUGS, validateSlug } from "@repo/tenancy/host";
import { describe, expect, it } from "vitest";

const ROOT = "example.com";
const DEV_ROOT = "localhost:3000";

describe("parseTenantSlug (adversarial)", () => {
  it.each<[string, string | null | undefined, string, string | null]>([
    ["plain tenant", "acme.example.com", ROOT, "acme"],
    ["tenant with dash and digits", "acme-2.example.com", ROOT, "acme-2"],
    ["upper case is normalised (DNS is case-insensitive)", "ACME.Example.COM", ROOT, "acme"],
    ["EVIL upper case host is just the tenant 'evil'", "EVIL.example.com", ROOT, "evil"],
    ["explicit default https port", "acme.example.com:443", ROOT, "acme"],
    ["explicit default http port", "acme.example.com:80", ROOT, "acme"],
    ["non-default port when the root names none", "acme.example.com:8443", ROOT, null],
    ["dev port when the root names none", "acme.example.com:3000", ROOT, null],
    ["port zero", "acme.example.com:0", ROOT, null],
    ["root naming :443 accepts no port", "acme.example.com", "example.com:443", "acme"],
    ["root naming :443 refuses another port", "acme.example.com:3000", "example.com:443", null],
    ["padded port is not the root's port", "acme.localhost:03000", DEV_ROOT, null],
    ["port on the bare root", "example.com:443", ROOT, null],
    ["dev root with its port", "acme.localhost:3000", DEV_ROOT, "acme"],
    ["dev root, wrong port", "acme.localhost:3001", DEV_ROOT, null],
    ["dev root, missing port", "acme.localhost", DEV_ROOT, null],
    ["bare root", "example.com", ROOT, null],
    ["bare dev root", "localhost:3000", DEV_ROOT, null],
    ["nested labels", "a.b.example.com", ROOT, null],
    ["nested labels (dev)", "x.acme.localhost:3000", DEV_ROOT, null],
    ["root as a prefix of an attacker domain", "acme.example.com.evil.com", ROOT, null],
    ["root followed by attacker label", "example.com.evil.com", ROOT, null],
    ["look-alike suffix without a dot", "evilexample.com", ROOT, null],
    ["look-alike suffix with tenant", "acme.evilexample.com", ROOT, null],
    ["trailing dot (FQDN form)", "acme.example.com.", ROOT, null],
    ["trailing dot with port", "acme.example.com.:443", ROOT, null],
    ["leading dot", ".example.com", ROOT, null],
    ["empty label", "..example.com", ROOT, null],
    ["reserved www", "www.example.com", ROOT, null],
    ["reserved admin", "admin.example.com", ROOT, null],
    ["reserved api", "api.example.com", ROOT, null],
    ["reserved auth", "auth.example.com", ROOT, null],
    ["reserved, upper case", "ADMIN.example.com", ROOT, null],
    ["punycode label", "xn--80ak6aa92e.example.com", ROOT, null],
    ["unicode label", "аcme.example.com", ROOT, null],
    ["IPv4 literal", "127.0.0.1", ROOT, null],
    ["IPv4 literal with port", "127.0.0.1:3000", DEV_ROOT, null],
    ["IPv6 literal", "[::1]:3000", DEV_ROOT, null],
    ["userinfo trick", "acme.example.com@evil.com", ROOT, null],
    ["userinfo trick 2", "evil.com@acme.example.com", ROOT, null],
    ["empty host", "", ROOT, null],
    ["missing host", undefined, ROOT, null],
    ["null host", null, ROOT, null],
    ["oversized host", `${"a".repeat(300)}.example.com`, ROOT, null],
    ["label longer than 32", `${"a".repeat(33)}.example.com`, ROOT, null],
    ["label shorter than 3", "ab.example.com", ROOT, null],
    ["underscore", "ac_me.example.com", ROOT, null],
    ["leading dash", "-acme.example.com", ROOT, null],
    ["trailing dash", "acme-.example.com", ROOT, null],
    ["double dash", "ac--me.example.com", ROOT, null],
    ["whitespace", " acme.example.com", ROOT, null],
    ["tab inside", "acme\t.example.com", ROOT, null],
    ["non-numeric port", "acme.example.com:http", ROOT, null],
    ["empty port", "acme.example.com:", ROOT, null],
    ["two ports", "acme.example.com:1:2", ROOT, null],
    ["oversized port", "acme.example.com:123456", ROOT, null],
    ["percent-encoding", "acme%2eexample.com", ROOT, null],
    ["slash injection", "acme.example.com/evil", ROOT, null],
  ])("%s: %j", (_label, host, root, expected) => {
    expect(parseTenantSlug(host, root)).toBe(expected);
  });
});

describe("validateSlug", () => {
  it("accepts well-formed slugs", () => {
    expect(validateSlug("acme")).toEqual({ ok: true, slug: "acme" });
    expect(validateSlug("a1-b2")).toMatchObject({ ok: true });
    expect(validateSlug("a".repeat(32))).toMatchObject({ ok: true });
  });

  it.each(["ab", "a".repeat(33), "Acme", "ac_me", "-acme", "acme-", "ac--me", "xn--acme", "ac.me", "", "acme "])(
    "rejects %j as slug_invalid",
    (slug) => {
      expect(validateSlug(slug)).toMatchObject({ ok: false, code: "slug_invalid" });
    },
  );

  it("rejects every reserved name as slug_reserved", () => {
    for (const slug of RESERVED_SLUGS) {
      if (slug.length < 3) continue;
      expect(validateSlug(slug)).toMatchObject({ ok: false, code: "slug_reserved" });
    }
    expect(
      RESERVED_SLUGS.has("www") &&
        RESERVED_SLUGS.has("admin") &&
        RESERVED_SLUGS.has("api") &&
        RESERVED_SLUGS.has("auth"),
    ).toBe(true);
  });
});
