// Adversarial tables for the request-boundary rules both apps share (@repo/auth/http).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  buildContentSecurityPolicy,
  createNonce,
  findRequestTargetProblem,
  hasControlCharacter,
  isJsonContentType,
  noControlCharacters,
  staticSecurityHeaders,
} from "@repo/auth/http";

describe("isJsonContentType parses the media type", () => {
  it.each([
    ["application/json", true],
    ["Application/JSON; charset=utf-8", true],
    ['application/json;charset="utf-8"', true],
    ["application/jsonx", false],
    ["application/json-patch+json", false],
    ["text/application/json", false],
    ["application/json, text/html", false],
    ["application/json garbage", false],
    ["xapplication/json", false],
    ["text/plain", false],
    ["", false],
    [null, false],
  ])("%j → %s", (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});

describe("findRequestTargetProblem", () => {
  it.each([
    "http://h/api/projects/%ZZ",
    "http://h/api/projects/%E0%A4%A",
    "http://h/api/projects/%",
    "http://h/api/v1/tenants/%00",
    "http://h/api/v1/tenants/a%0Ab",
    "http://h/x%7F",
    "http://h/x%C2%85", // C1 NEL
    "http://h/api?q=%00",
    "http://h/api?actor=%ZZ",
    "http://h/api?%00=x",
    "http://h/api?q=a%09b",
  ])("refuses %s", (url) => {
    expect(findRequestTargetProblem(url)).toMatch(/\S/);
  });

  it.each([
    "http://h/",
    "http://h/api/projects/%2F",
    "http://h/a%20b?q=%E2%9C%93&x=1+2",
    "http://h/api?q=",
    "http://h/api?flag",
  ])("accepts %s", (url) => {
    expect(findRequestTargetProblem(url)).toBeNull();
  });
});

describe("noControlCharacters", () => {
  const schema = noControlCharacters(z.string()).trim().min(1);
  it.each(["a\u0000", "a\tb", "a\nb", "\u001b[31m", "a\u007f", "a\u0085"])("refuses %j", (value) => {
    expect(schema.safeParse(value).success).toBe(false);
    expect(hasControlCharacter(value)).toBe(true);
  });
  it.each(["Acme Inc", "Ünïcödé ✓", "a b"])("accepts %j", (value) => {
    expect(schema.safeParse(value).success).toBe(true);
  });
});

describe("createNonce", () => {
  it("gives every request 128 fresh random bits, across refills of its random-byte pool", () => {
    const nonces = Array.from({ length: 1_000 }, () => createNonce());
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(Uint8Array.from(atob(nonce), (c) => c.charCodeAt(0))).toHaveLength(16);
  });
});

describe("security headers", () => {
  it("production: nonce + strict-dynamic scripts, no unsafe-inline/eval, no framing; HSTS only over HTTPS", () => {
    const csp = buildContentSecurityPolicy("abc123", { isProduction: true, isHttps: true });
    const scripts = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(staticSecurityHeaders({ isProduction: true, isHttps: true })["strict-transport-security"]).toMatch(
      /max-age=\d{8}/,
    );
    expect(staticSecurityHeaders({ isProduction: true, isHttps: false })["strict-transport-security"]).toBeUndefined();
    expect(staticSecurityHeaders({ isProduction: false, isHttps: true })["strict-transport-security"]).toBeUndefined();
  });
});
