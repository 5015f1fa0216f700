import { describe, expect, it } from "vitest";
import { sanitizeCallbackUrl } from "../src/server/callback-url";

describe("sanitizeCallbackUrl", () => {
  it.each([
    ["/projects", "/projects"],
    ["/projects?tab=mine#top", "/projects?tab=mine#top"],
    ["/members", "/members"],
    ["/", "/"],
    ["/projects/../settings", "/settings"],
    ["/projects?q=a%2Cb", "/projects?q=a%2Cb"],
  ])("keeps same-host relative path %s", (input, expected) => {
    expect(sanitizeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [""],
    ["https://evil.example.com/"],
    ["http://acme.localhost:3000/projects"], // absolute, even to our own host: relative only
    ["//evil.example.com"],
    ["///evil.example.com"],
    ["/\\evil.example.com"],
    ["\\\\evil.example.com"],
    ["\\/evil.example.com"],
    ["/%2F%2Fevil.example.com"],
    ["%2F%2Fevil.example.com"],
    ["/%5Cevil.example.com"],
    ["%2f%5cevil.example.com"],
    ["/%252F%252Fevil.example.com"], // double-encoded
    ["/%25252F%25252Fevil.example.com"], // triple-encoded
    ["/\t/evil.example.com"],
    ["/%09/evil.example.com"],
    ["/\n/evil.example.com"],
    ["/%0d%0a/evil.example.com"],
    [" /projects"],
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["evil.example.com"],
    ["projects"],
    ["EVIL.example.com/projects"],
    ["acme.localhost:3000.evil.com/"],
    ["/%E0%A4%A"], // malformed escape
    ["/signin"],
    ["/signin?callbackUrl=/signin"],
    ["/SignIn"],
    ["/%73ignin"], // encoded "s"
    ["/api/auth/signout"],
    ["/a%20b"], // encoded whitespace: rejected conservatively
  ])("falls back to / for %j", (input) => {
    expect(sanitizeCallbackUrl(input as string | null | undefined)).toBe("/");
  });

  it("falls back to / for oversized input", () => {
    expect(sanitizeCallbackUrl(`/${"a".repeat(5000)}`)).toBe("/");
  });
});
