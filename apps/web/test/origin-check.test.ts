import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "../src/server/origin-check";

const host = "acme.localhost:3000";

describe("isSameOriginRequest", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get"])("lets safe method %s through without Origin", (method) => {
    expect(isSameOriginRequest({ method, origin: null, host })).toBe(true);
  });

  it.each([
    ["http://acme.localhost:3000", host],
    ["http://ACME.localhost:3000", host],
    ["https://acme.example.com", "acme.example.com"],
    ["https://acme.example.com", "acme.example.com:443"],
  ])("accepts POST from %s to %s", (origin, to) => {
    expect(isSameOriginRequest({ method: "POST", origin, host: to })).toBe(true);
  });

  it.each([
    [null, host],
    ["null", host],
    ["", host],
    ["http://globex.localhost:3000", host], // sibling subdomain
    ["http://evil.localhost:3000", host],
    ["http://acme.localhost:3001", host], // other port
    ["http://acme.localhost", host],
    ["http://localhost:3000", host], // apex
    ["http://acme.localhost:3000.evil.com", host],
    ["http://evil.com/?acme.localhost:3000", host],
    ["http://acme.localhost:3000@evil.com", host],
    ["http://user@acme.localhost:3000", host], // userinfo is not an origin
    ["ftp://acme.localhost:3000", host],
    ["javascript:alert(1)", host],
    ["not a url", host],
    ["http://acme.localhost:3000", null],
    ["http://acme.localhost.:3000", host], // trailing dot
  ])("refuses POST with Origin %j to %j", (origin, to) => {
    expect(isSameOriginRequest({ method: "POST", origin, host: to })).toBe(false);
  });

  it.each(["PUT", "PATCH", "DELETE"])("checks %s too", (method) => {
    expect(isSameOriginRequest({ method, origin: "http://globex.localhost:3000", host })).toBe(false);
  });
});
