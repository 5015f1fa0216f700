// Every input boundary of the operator API answers a 4xx JSON with a message, never a 500 (or a
// misleading 503): the request target in the proxy (path segments, `?q=`, `?actor=`), path params
// and query params in the route wrappers, JSON bodies in the one body reader (NUL, size, media
// type), and every proxy answer carries the security headers. Real Postgres/Redis, no Next server.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";
import { loadProxy } from "./support/load-proxy";

let env: AdminTestEnv;
let owner: Record<string, string>;
let routes: Awaited<ReturnType<typeof loadRoutes>>;

async function loadRoutes() {
  return {
    proxy: await loadProxy(),
    tenants: await import("../src/app/api/v1/tenants/route"),
    tenant: await import("../src/app/api/v1/tenants/[slug]/route"),
    members: await import("../src/app/api/v1/tenants/[slug]/members/route"),
    audit: await import("../src/app/api/v1/audit/route"),
    apiTokens: await import("../src/app/api/v1/api-tokens/route"),
  };
}

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  routes = await loadRoutes();
  owner = { cookie: await signOperatorCookie(env.ownerId, "owner"), origin: "http://localhost:3001" };
}, 60_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

const viaProxy = (path: string, method = "GET") =>
  routes.proxy(
    new NextRequest(`http://localhost:3001${path}`, {
      method,
      headers: { host: "localhost:3001", cookie: owner.cookie!, origin: owner.origin! },
    }),
  );

describe("the proxy refuses malformed request targets with a JSON 400", () => {
  it.each([
    ["GET", "/api/v1/tenants/%ZZ/members"],
    ["GET", "/api/v1/tenants/%00"],
    ["DELETE", "/api/v1/tenants/%E0%A4%A"],
    ["GET", "/api/v1/tenants?q=%00"],
    ["GET", "/api/v1/audit?actor=%00"],
    ["GET", "/api/v1/audit?actor=%ZZ"],
    ["GET", "/api/v1/tenants?q=a%0ab"],
  ])("%s %s → 400 invalid_request", async (method, path) => {
    const response = await viaProxy(path, method);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "invalid_request", message: expect.stringMatching(/\S/) },
    });
  });

  it.each([
    ["API", "/api/v1/tenants", 200],
    ["page", "/tenants", 200],
    ["public page", "/signin", 200],
    ["bad target", "/api/v1/tenants/%ZZ", 400],
  ])("security headers on the %s answer", async (_label, path, status) => {
    const response = await viaProxy(path);
    expect(response.status).toBe(status);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toContain("geolocation=()");
  });
});

describe("route handlers refuse control characters and bad bodies (defence behind the proxy)", () => {
  it.each([
    [
      "tenants ?q=NUL",
      () => callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: owner, query: { q: "\u0000" } }),
    ],
    [
      "audit ?actor=NUL",
      () => callRoute(routes.audit.GET, "GET", "/api/v1/audit", { headers: owner, query: { actor: "\u0000" } }),
    ],
    [
      "audit ?action=ESC",
      () => callRoute(routes.audit.GET, "GET", "/api/v1/audit", { headers: owner, query: { action: "\u001b[31m" } }),
    ],
    [
      "tenant slug NUL",
      () => callRoute(routes.tenant.GET, "GET", "/api/v1/tenants/x", { headers: owner, params: { slug: "\u0000" } }),
    ],
    [
      "members of slug NUL",
      () =>
        callRoute(routes.members.GET, "GET", "/api/v1/tenants/x/members", {
          headers: owner,
          params: { slug: "a\u0000" },
        }),
    ],
    [
      "tenant name with NUL",
      () =>
        callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
          headers: owner,
          body: { slug: "nul-name", name: "Evil\u0000Corp" },
        }),
    ],
    [
      "tenant name with a line break",
      () =>
        callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
          headers: owner,
          body: { slug: "nl-name", name: "Evil\nCorp" },
        }),
    ],
    [
      "API token name with NUL",
      () =>
        callRoute(routes.apiTokens.POST, "POST", "/api/v1/api-tokens", {
          headers: owner,
          body: { name: "t\u0000", scope: "read" },
        }),
    ],
  ])("%s → 400 with a message", async (_label, call) => {
    const { status, body } = await call();
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_request", message: expect.stringMatching(/\S/) });
  });

  const rawPost = (body: BodyInit, contentType: string | null) =>
    routes.tenants.POST(
      new Request("http://localhost:3001/api/v1/tenants", {
        method: "POST",
        headers: { host: "localhost:3001", ...owner, ...(contentType ? { "content-type": contentType } : {}) },
        body,
      }),
      { params: Promise.resolve({}) },
    );

  it.each([
    ["application/jsonx", '{"slug":"jsonx","name":"X"}', "application/jsonx", 400, "invalid_request"],
    ["text/plain", '{"slug":"plain","name":"X"}', "text/plain", 400, "invalid_request"],
    ["malformed JSON", '{"slug":', "application/json", 400, "invalid_request"],
    [
      "an oversized body",
      JSON.stringify({ slug: "big", name: "x".repeat(70_000) }),
      "application/json",
      413,
      "payload_too_large",
    ],
  ])("%s → %i", async (_label, body, type, status, code) => {
    const response = await rawPost(body, type);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code, message: expect.stringMatching(/\S/) } });
  });
});
