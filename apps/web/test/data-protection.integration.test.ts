// Defence in depth, proven with the proxy switched OFF: the route handlers are called directly
// (no gate ran), with forged `x-repo-*` headers the proxy would normally set, and with no,
// foreign, tampered or revoked cookies. Real Postgres (tenant DBs) and real Redis (revocation).
import { describe, expect, it, vi } from "vitest";

// Route handlers read the request through Next's request-scoped `headers()`; outside Next we
// bind it to the Request being handled. Nothing else is stubbed.
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => {
    throw new Error("not used by the code under test");
  },
}));

import { getSessionRevocationStore } from "@/server/web-root";
import { GET as getMe } from "@/app/api/me/route";
import { DELETE as deleteProject } from "@/app/api/projects/[id]/route";
import { GET as listProjects, POST as createProject } from "@/app/api/projects/route";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

const FORGED_CONTEXT = (t: SeededTenant) => ({
  "x-repo-tenant-id": t.tenant.id,
  "x-repo-tenant-slug": t.tenant.slug,
  "x-repo-user-id": t.users.owner.id,
  "x-repo-roles": "owner",
  "x-repo-permissions": "projects:read,projects:write,projects:delete,tenant:manage",
});

async function call<P>(
  handler: Handler<P>,
  init: { method?: string; path: string; host: string; headers?: Record<string, string>; body?: unknown; params?: P },
) {
  const headers = new Headers({ host: init.host, ...init.headers });
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost:3000${init.path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  current.headers = request.headers;
  const response = await handler(request, { params: Promise.resolve((init.params ?? {}) as P) });
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

let alpha: SeededTenant;
let beta: SeededTenant;
useTestPlatform((seeded) => ({ alpha, beta } = seeded));

describe("tenant data with the proxy switched off", () => {
  it("refuses forged x-repo-* headers without a cookie (401, no data)", async () => {
    for (const handler of [listProjects, getMe] as Handler<Record<string, never>>[]) {
      const res = await call(handler, { path: "/api/projects", host: alpha.host, headers: FORGED_CONTEXT(alpha) });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({
        error: { code: "unauthenticated", message: expect.any(String), requestId: expect.any(String) },
      });
      expect(res.text).not.toContain("Secret plan");
    }
  });

  it("refuses a valid cookie from another tenant (foreign cookie + forged headers)", async () => {
    const { cookie } = await mintSessionCookie(beta.tenant, beta.users.owner);
    const res = await call(listProjects, {
      path: "/api/projects",
      host: alpha.host,
      headers: { cookie, ...FORGED_CONTEXT(alpha) },
    });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain("Secret plan");
  });

  it("never takes the tenant from X-Forwarded-Host (not trusted by default)", async () => {
    const { cookie } = await mintSessionCookie(beta.tenant, beta.users.owner);
    const res = await call(listProjects, {
      path: "/api/projects",
      host: alpha.host,
      headers: { cookie, "x-forwarded-host": beta.host },
    });
    expect(res.status).toBe(401);
  });

  it("refuses a tampered token", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.viewer, {
      permissions: ["projects:read", "projects:delete"],
    });
    const [name, token] = cookie.split("=") as [string, string];
    const [header, , signature] = token.split(".");
    const payload = JSON.parse(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/")));
    payload.permissions.push("tenant:manage");
    const forgedPayload = btoa(JSON.stringify(payload)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const res = await call(listProjects, {
      path: "/api/projects",
      host: alpha.host,
      headers: { cookie: `${name}=${header}.${forgedPayload}.${signature}` },
    });
    expect(res.status).toBe(401);
  });

  it("ignores forged permissions: a viewer cannot delete or create (403) and the data survives", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.viewer);
    const origin = `http://${alpha.host}`;
    const del = await call(deleteProject, {
      method: "DELETE",
      path: `/api/projects/${alpha.projectId}`,
      host: alpha.host,
      headers: { cookie, origin, ...FORGED_CONTEXT(alpha) },
      params: { id: alpha.projectId },
    });
    expect(del.status).toBe(403);
    expect(del.json).toMatchObject({ error: { code: "forbidden" } });
    const create = await call(createProject, {
      method: "POST",
      path: "/api/projects",
      host: alpha.host,
      headers: { cookie, origin, ...FORGED_CONTEXT(alpha) },
      body: { name: "Should not exist" },
    });
    expect(create.status).toBe(403);

    const list = await call(listProjects, { path: "/api/projects", host: alpha.host, headers: { cookie } });
    expect(list.status).toBe(200);
    const names = (list.json!.projects as { name: string; id: string }[]).map((p) => p.name);
    expect(names).toContain("Secret plan of Alpha Inc");
    expect(names).not.toContain("Should not exist");
  });

  it("refuses state changes without a same-host Origin (cross-subdomain CSRF)", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.owner);
    for (const origin of [undefined, `http://${beta.host}`, "http://evil.localhost:3000", "null"]) {
      const res = await call(createProject, {
        method: "POST",
        path: "/api/projects",
        host: alpha.host,
        headers: { cookie, ...(origin ? { origin } : {}) },
        body: { name: "CSRF" },
      });
      expect(res.status, `origin ${origin}`).toBe(403);
    }
  });

  it("serves only the host tenant's data to its owner, validates bodies, deletes by id", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.owner);
    const origin = `http://${alpha.host}`;
    const me = await call(getMe, { path: "/api/me", host: alpha.host, headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      user: { id: alpha.users.owner.id, email: alpha.users.owner.email },
      tenant: { id: alpha.tenant.id, slug: alpha.tenant.slug, name: "Alpha Inc" },
      roles: ["owner"],
    });

    const list = await call(listProjects, { path: "/api/projects", host: alpha.host, headers: { cookie } });
    expect(list.text).toContain("Secret plan of Alpha Inc");
    expect(list.text).not.toContain("Beta Corp");

    const invalid = await call(createProject, {
      method: "POST",
      path: "/api/projects",
      host: alpha.host,
      headers: { cookie, origin },
      body: { name: "" },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ error: { code: "invalid_request", fields: { name: [expect.any(String)] } } });

    const created = await call(createProject, {
      method: "POST",
      path: "/api/projects",
      host: alpha.host,
      headers: { cookie, origin },
      body: { name: "Launch" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), name: "Launch", createdAt: expect.any(String) });

    // A project id from another tenant is simply not found here.
    const foreign = await call(deleteProject, {
      method: "DELETE",
      path: `/api/projects/${beta.projectId}`,
      host: alpha.host,
      headers: { cookie, origin },
      params: { id: beta.projectId },
    });
    expect(foreign.status).toBe(404);

    const id = created.json!.id as string;
    const deleted = await call(deleteProject, {
      method: "DELETE",
      path: `/api/projects/${id}`,
      host: alpha.host,
      headers: { cookie, origin },
      params: { id },
    });
    expect(deleted.status).toBe(204);
  });

  it("refuses a revoked session", async () => {
    const { cookie, sid } = await mintSessionCookie(alpha.tenant, alpha.users.owner);
    expect((await call(getMe, { path: "/api/me", host: alpha.host, headers: { cookie } })).status).toBe(200);
    await getSessionRevocationStore().revokeSession(alpha.tenant.id, sid, Math.floor(Date.now() / 1000) + 600);
    expect((await call(getMe, { path: "/api/me", host: alpha.host, headers: { cookie } })).status).toBe(401);
  });

  it("answers 404 for hosts that name no tenant", async () => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.owner);
    const res = await call(listProjects, {
      path: "/api/projects",
      host: `nope-${Date.now()}.localhost:3000`,
      headers: { cookie },
    });
    expect(res.status).toBe(404);
  });
});
