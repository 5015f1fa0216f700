// Adversarial table for THE post-sign-in redirect sanitizer (both apps). Each "evil" input is
// judged on the URL a browser would finally follow: resolved against the app's origin.
import { describe, expect, it } from "vitest";
import { sameOriginRedirect, sanitizeCallbackUrl } from "@repo/auth/callback-url";

const origin = "http://acme.localhost:3000";
const sanitize = (raw: string | null | undefined) => sanitizeCallbackUrl(raw, { origin });

/** What a browser does with the returned value: it must stay on the app's origin. */
function browserDestination(path: string): URL {
  return new URL(path, origin);
}

describe("sanitizeCallbackUrl keeps same-origin destinations", () => {
  it.each([
    ["/projects", "/projects"],
    ["/projects?tab=mine#top", "/projects?tab=mine#top"],
    ["/", "/"],
    ["/projects/../settings", "/settings"],
    ["/projects/%2e%2e/settings", "/settings"],
    ["/projects?q=a%2Cb", "/projects?q=a%2Cb"],
    ["/a%20b", "/a%20b"],
    ["http://acme.localhost:3000/projects", "/projects"], // absolute on our own origin
    ["HTTP://ACME.localhost:3000/members", "/members"],
    ["/tenants/acme?callbackUrl=//evil.example", "/tenants/acme?callbackUrl=//evil.example"], // query is data
  ])("%s → %s", (input, expected) => {
    expect(sanitize(input)).toBe(expected);
    expect(browserDestination(sanitize(input)).origin).toBe(origin);
  });
});

describe("sanitizeCallbackUrl refuses everything that leaves the origin or loops", () => {
  it.each([
    [null],
    [undefined],
    [""],
    // off-site, absolute or protocol-relative
    ["https://evil.example.com/"],
    ["http://acme.localhost:3000.evil.com/"],
    ["http://acme.localhost:3001/"], // other port = other origin
    ["https://acme.localhost:3000/"], // other scheme
    ["//evil.example.com"],
    ["///evil.example.com"],
    ["////evil.example.com"],
    ["https:evil.example.com"],
    ["https:/evil.example.com"],
    ["http:/\\evil.example.com"],
    ["http://acme.localhost:3000@evil.example.com/"],
    ["http://user:pass@acme.localhost:3000/"], // userinfo on our host: phishing-shaped
    // normalisation: dot segments (plain and encoded) that collapse to `//host`
    ["/..//evil.example.com/x"],
    ["/../..//evil.example.com"],
    ["/.//evil.example.com"],
    ["/%2e%2e//evil.example.com"],
    ["/%2E%2E//evil.example.com"],
    ["/.%2e//evil.example.com"],
    ["/%2e//evil.example.com"],
    ["/x/..//evil.example.com"],
    ["/x/%2e%2e//evil.example.com"],
    // characters browsers strip or reinterpret
    ["/\\evil.example.com"],
    ["\\\\evil.example.com"],
    ["\\/evil.example.com"],
    ["/\t/evil.example.com"],
    ["/%09/evil.example.com"],
    ["/\n/evil.example.com"],
    ["/\r/evil.example.com"],
    ["/%0d%0a/evil.example.com"],
    ["/\u0000/evil.example.com"],
    ["/%00/evil.example.com"],
    ["/\u2028/evil.example.com"],
    [" /projects"],
    ["/projects "],
    // encoded slashes and backslashes (a server decoding once more would redirect off-site)
    ["/%2F%2Fevil.example.com"],
    ["%2F%2Fevil.example.com"],
    ["/%5Cevil.example.com"],
    ["%2f%5cevil.example.com"],
    ["/%252F%252Fevil.example.com"],
    ["/%25252F%25252Fevil.example.com"],
    ["/%E0%A4%A"], // malformed escape
    // other schemes and bare hosts
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["java\tscript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["evil.example.com"],
    ["EVIL.example.com/projects"],
    ["projects"], // relative to the sign-in page: not a destination we hand out
    ["?x=1"],
    ["#top"],
    // loops back to sign-in
    ["/signin"],
    ["/signin?callbackUrl=/signin"],
    ["/SignIn"],
    ["/%73ignin"],
    ["/projects/../signin"],
    ["/api/auth/signout"],
    ["/API/AUTH/csrf"],
  ])("%j → /", (input) => {
    expect(sanitize(input as string | null | undefined)).toBe("/");
  });

  it("falls back to / for oversized input", () => {
    expect(sanitize(`/${"a".repeat(5000)}`)).toBe("/");
  });

  it("falls back to / when the app origin itself is unusable", () => {
    expect(sanitizeCallbackUrl("/projects", { origin: "not a url" })).toBe("/");
  });

  it("allows sign-in pages when told to (the Auth.js sign-out redirect)", () => {
    expect(sanitizeCallbackUrl("/signin", { origin, refusedPrefixes: [] })).toBe("/signin");
  });
});

describe("sameOriginRedirect (the Auth.js redirect callback)", () => {
  it.each([
    ["/projects", `${origin}/projects`],
    ["/signin", `${origin}/signin`],
    [`${origin}/members`, `${origin}/members`],
    ["https://evil.example.com/", `${origin}/`],
    ["/..//evil.example.com", `${origin}/`],
    ["/%09/evil.example.com", `${origin}/`],
    ["//evil.example.com", `${origin}/`],
  ])("%s → %s", (url, expected) => {
    expect(sameOriginRedirect({ url, baseUrl: `${origin}/` })).toBe(expected);
    expect(new URL(sameOriginRedirect({ url, baseUrl: origin })).origin).toBe(origin);
  });
});
