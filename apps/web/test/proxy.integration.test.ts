// The proxy end to end against real Postgres/Redis (called directly, no Next server): header
// stripping, tenant-host redirects, 401/403/404 shapes, Origin checks, and the stale-claims
// refresh that makes a role change effective on the next request without signing out.
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { userRoles } from "@repo/db/tenant";
import { proxy } from "@/proxy";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";
import { getSessionRevocationStore, getTenancy, getTenantDb } from "@/server/web-root";

let alpha: SeededTenant;
let beta: SeededTenant;
useTestPlatform((seeded) => ({ alpha, beta } = seeded));

const run = (path: string, init: { host: string; method?: string; headers?: Record<string, string> }) =>
  proxy(
    new NextRequest(`http://localhost:3000${path}`, {
      method: init.method ?? "GET",
      headers: { host: init.host, ...init.headers },
    }),
  );

/** The request headers the proxy forwards (Next encodes them as `x-middleware-request-*`). */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe("proxy", () => {
  it("redirects signed-out page requests to sign-in on the tenant's own host", async () => {
    const response = await run("/projects?tab=1", { host: alpha.host });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`http://${alpha.host}/signin?callbackUrl=%2Fprojects%3Ftab%3D1`);
  });

  it("answers signed-out API requests with 401 JSON", async () => {
    const response = await run("/api/projects", { host: alpha.host });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthenticated", message: expect.any(String), requestId: expect.any(String) },
    });
  });

  it("404s unknown tenants (JSON for APIs, the not-found page for pages)", async () => {
    const api = await run("/api/me", { host: "ghost-tenant.localhost:3000" });
    expect(api.status).toBe(404);
    const page = await run("/signin", { host: "ghost-tenant.localhost:3000" });
    expect(page.headers.get("x-middleware-rewrite")).toContain("/status/tenant-not-found");
  });

  it("strips client-sent x-repo-* and forwards only the verified context", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.viewer);
    const response = await run("/projects", {
      host: alpha.host,
      headers: {
        cookie,
        "x-repo-tenant-id": beta.tenant.id,
        "x-repo-permissions": "tenant:manage",
        "x-repo-evil": "1",
      },
    });
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(forwarded(response, "x-repo-tenant-id")).toBe(alpha.tenant.id);
    expect(forwarded(response, "x-repo-user-id")).toBe(alpha.users.viewer.id);
    expect(forwarded(response, "x-repo-permissions")).toBe("projects:read,members:read,tenant:read");
    expect(forwarded(response, "x-repo-evil")).toBeNull();
  });

  it("passes on the front door's request id and CSP nonce (replacing the client's) on every pass-through path", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.viewer);
    const forged = { "x-request-id": "forged id!", "x-nonce": "forged", "content-security-policy": "default-src *" };
    const cases = [
      // signed in (allow, authorized), public route (allow, public-route), denial page (rewrite)
      await run("/projects", { host: alpha.host, headers: { cookie, ...forged } }),
      await run("/signin", { host: alpha.host, headers: forged }),
      await run("/settings", { host: alpha.host, headers: { cookie, ...forged } }),
    ];
    expect(
      cases.map((r) => (r.headers.has("x-middleware-rewrite") ? "rewrite" : r.headers.get("x-middleware-next"))),
    ).toEqual(["1", "1", "rewrite"]);
    for (const response of cases) {
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
      expect(forwarded(response, "x-nonce")).toBe(nonce);
      expect(forwarded(response, "content-security-policy")).toBe(response.headers.get("content-security-policy"));
      expect(forwarded(response, "x-request-id")).toBe(response.headers.get("x-request-id"));
      expect(forwarded(response, "x-request-id")).not.toBe(forged["x-request-id"]);
    }
  });

  it("renders the 403 page for a page the role lacks, and 403 JSON for APIs", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.viewer);
    const page = await run("/settings", { host: alpha.host, headers: { cookie } });
    expect(page.headers.get("x-middleware-rewrite")).toContain("/status/forbidden");
    const api = await run("/api/projects", {
      host: alpha.host,
      method: "POST",
      headers: { cookie, origin: `http://${alpha.host}` },
    });
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("refuses state-changing requests from a sibling subdomain before anything else", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.owner);
    for (const origin of [`http://${beta.host}`, undefined]) {
      const response = await run("/projects", {
        host: alpha.host,
        method: "POST",
        headers: { cookie, ...(origin ? { origin } : {}) },
      });
      expect(response.status).toBe(403);
    }
  });

  it("re-issues the token after a role change: new permissions on the next request, same session", async () => {
    const viewer = alpha.users.viewer;
    const { cookie, sid } = await mintSessionCookie(alpha.tenant, viewer);
    const post = () =>
      run("/api/projects", { host: alpha.host, method: "POST", headers: { cookie, origin: `http://${alpha.host}` } });
    expect((await post()).status).toBe(403);

    const db = getTenantDb(alpha.tenant.id);
    await db.update(userRoles).set({ roleKey: "member" }).where(eq(userRoles.userId, viewer.id));
    await getSessionRevocationStore().markClaimsStale(alpha.tenant.id, viewer.id);

    const response = await post();
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(forwarded(response, "x-repo-roles")).toBe("member");
    expect(forwarded(response, "x-repo-session-id")).toBe(sid);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^repo\.session=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    // The handler behind the proxy sees the fresh token, not the stale one.
    expect(forwarded(response, "cookie")).toContain(setCookie.split(";")[0]!);
  });

  // Last: it suspends beta.
  it("shows the suspended page (pages, sign-in included) and 403 tenant_suspended (APIs)", async () => {
    const { cookie } = await mintSessionCookie(beta.tenant, beta.users.owner);
    await getTenancy().suspendTenant(beta.tenant.slug);
    for (const path of ["/", "/signin"]) {
      const page = await run(path, { host: beta.host, headers: { cookie } });
      expect(page.headers.get("x-middleware-rewrite"), path).toContain("/status/suspended");
    }
    const api = await run("/api/me", { host: beta.host, headers: { cookie } });
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: "tenant_suspended" } });
  });
});
