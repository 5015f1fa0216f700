// The admin JSON API against real Postgres + Redis: route handlers are called directly.
// Covers: authn (cookie / Bearer, tenant tokens refused), support → 403 on EVERY mutation,
// read-scope token → 403 on every mutation, tenant/member/role/revocation flows, audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";
import { BUILTIN_ROLE_LIST } from "@repo/auth/rbac";

let env: AdminTestEnv;
let routes: Awaited<ReturnType<typeof loadRoutes>>;
let ownerWrite: Record<string, string>;
let ownerRead: Record<string, string>;
let supportCookie: Record<string, string>;
let ownerCookie: Record<string, string>;
const slug = `t-${randomSuffix()}`;

async function loadRoutes() {
  return {
    tenants: await import("../src/app/api/v1/tenants/route"),
    tenant: await import("../src/app/api/v1/tenants/[slug]/route"),
    suspend: await import("../src/app/api/v1/tenants/[slug]/suspend/route"),
    resume: await import("../src/app/api/v1/tenants/[slug]/resume/route"),
    members: await import("../src/app/api/v1/tenants/[slug]/members/route"),
    member: await import("../src/app/api/v1/tenants/[slug]/members/[userId]/route"),
    invitations: await import("../src/app/api/v1/tenants/[slug]/invitations/route"),
    roles: await import("../src/app/api/v1/tenants/[slug]/roles/route"),
    role: await import("../src/app/api/v1/tenants/[slug]/roles/[key]/route"),
    sessions: await import("../src/app/api/v1/tenants/[slug]/sessions/route"),
    revocations: await import("../src/app/api/v1/revocations/route"),
    audit: await import("../src/app/api/v1/audit/route"),
    auditExport: await import("../src/app/api/v1/audit/export/route"),
    apiTokens: await import("../src/app/api/v1/api-tokens/route"),
    apiToken: await import("../src/app/api/v1/api-tokens/[id]/route"),
  };
}

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  routes = await loadRoutes();
  ownerCookie = { cookie: await signOperatorCookie(env.ownerId, "owner"), origin: "http://localhost:3001" };
  supportCookie = { cookie: await signOperatorCookie(env.supportId, "support"), origin: "http://localhost:3001" };
  const mint = async (scope: "read" | "write") => {
    const res = await callRoute(routes.apiTokens.POST, "POST", "/api/v1/api-tokens", {
      headers: ownerCookie,
      body: { name: `t-${scope}`, scope, expiresInDays: 1 },
    });
    expect(res.status).toBe(201);
    return { authorization: `Bearer ${res.body.token.token as string}` };
  };
  ownerWrite = await mint("write");
  ownerRead = await mint("read");
}, 60_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

describe("authentication", () => {
  it("401 without credentials, with a bad token, and with a tenant-audience cookie", async () => {
    expect((await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants")).status).toBe(401);
    expect(
      (await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: { authorization: "Bearer opk_nope" } }))
        .body.error.code,
    ).toBe("unauthenticated");
    const tenantCookie = await signOperatorCookie(env.ownerId, "owner", {
      audience: crypto.randomUUID(),
      tid: crypto.randomUUID(),
    });
    expect(
      (await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: { cookie: tenantCookie } })).status,
    ).toBe(401);
    // A tenant-app cookie name is never read by the admin app, even with an operator token in it.
    const renamed = ownerCookie.cookie!.replace("repo-admin.session", "repo.session");
    expect(
      (await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: { cookie: renamed } })).status,
    ).toBe(401);
  });

  it("accepts an operator session cookie and a Bearer token; tokens are stored hashed", async () => {
    expect((await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: ownerCookie })).status).toBe(200);
    expect((await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: ownerRead })).status).toBe(200);
    const list = await callRoute(routes.apiTokens.GET, "GET", "/api/v1/api-tokens", { headers: ownerCookie });
    expect(list.body.tokens.length).toBeGreaterThanOrEqual(2);
    for (const t of list.body.tokens) expect(JSON.stringify(t)).not.toMatch(/token_?hash|opk_[A-Za-z0-9_-]{20,}/i);
  });

  it("cookie-authenticated writes from another origin (or an opaque one) are refused", async () => {
    for (const origin of ["http://evil.example.com", "http://localhost:3001.evil.com", "null"]) {
      const res = await callRoute(routes.apiTokens.POST, "POST", "/api/v1/api-tokens", {
        headers: { ...ownerCookie, origin },
        body: { name: "x", scope: "read" },
      });
      expect(res.status, origin).toBe(403);
    }
  });

  it("a revoked token stops working", async () => {
    const created = await callRoute(routes.apiTokens.POST, "POST", "/api/v1/api-tokens", {
      headers: ownerWrite,
      body: { name: "short", scope: "read" },
    });
    const bearer = { authorization: `Bearer ${created.body.token.token as string}` };
    expect((await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: bearer })).status).toBe(200);
    expect(
      (
        await callRoute(routes.apiToken.DELETE, "DELETE", `/api/v1/api-tokens/${created.body.token.id}`, {
          headers: ownerWrite,
          params: { id: created.body.token.id },
        })
      ).status,
    ).toBe(204);
    expect((await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: bearer })).status).toBe(401);
  });
});

describe("tenant lifecycle, members, roles, revocations", () => {
  let userId = "";

  it("creates a tenant (provisioning) and rejects invalid/taken slugs with field errors", async () => {
    const created = await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
      headers: ownerWrite,
      body: { slug, name: "Test Co" },
    });
    expect(created.status).toBe(201);
    expect(created.body.tenant).toMatchObject({ slug, status: "active" });
    const taken = await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
      headers: ownerWrite,
      body: { slug, name: "Again" },
    });
    expect(taken.status).toBe(409);
    const invalid = await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
      headers: ownerWrite,
      body: { slug: "Bad_Slug!", name: "" },
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.fields)).toEqual(expect.arrayContaining(["slug", "name"]));
    const list = await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", {
      headers: ownerRead,
      query: { q: slug },
    });
    expect(list.body.tenants.map((t: { slug: string }) => t.slug)).toEqual([slug]);
  }, 60_000);

  it("creates a member with a generated password shown once", async () => {
    const res = await callRoute(routes.members.POST, "POST", `/api/v1/tenants/${slug}/members`, {
      headers: ownerWrite,
      params: { slug },
      body: { email: "Jane@Example.test", name: "Jane", roles: ["member"] },
    });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ email: "jane@example.test", roles: ["member"] });
    expect(res.body.initialPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    userId = res.body.member.id;
    const dup = await callRoute(routes.members.POST, "POST", `/api/v1/tenants/${slug}/members`, {
      headers: ownerWrite,
      params: { slug },
      body: { email: "jane@example.test", name: "J" },
    });
    expect(dup.status).toBe(409);
    const list = await callRoute(routes.members.GET, "GET", `/api/v1/tenants/${slug}/members`, {
      headers: ownerRead,
      params: { slug },
      query: { q: "jane" },
    });
    expect(list.body.members).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain("passwordHash");
  });

  it("invites by email into the tenant: mail on the tenant host, listed, one pending per email, unknown roles refused", async () => {
    const email = `invitee-${randomSuffix()}@example.test`;
    const res = await callRoute(routes.invitations.POST, "POST", `/api/v1/tenants/${slug}/invitations`, {
      headers: ownerWrite,
      params: { slug },
      body: { email, roles: ["owner"] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email,
      roles: ["owner"],
      status: "pending",
      emailSent: true,
      expiresAt: expect.any(String),
    });
    const mails = (await (await fetch(`${process.env.MAILDEV_URL}/api/email`)).json()) as {
      to: { address: string }[];
      text: string;
    }[];
    const mail = mails.find((m) => m.to.some((r) => r.address === email));
    expect(mail?.text).toContain(`http://${slug}.localhost:3000/invite/`);
    const dup = await callRoute(routes.invitations.POST, "POST", `/api/v1/tenants/${slug}/invitations`, {
      headers: ownerWrite,
      params: { slug },
      body: { email, roles: ["member"] },
    });
    expect(dup.status).toBe(409);
    const unknownRole = await callRoute(routes.invitations.POST, "POST", `/api/v1/tenants/${slug}/invitations`, {
      headers: ownerWrite,
      params: { slug },
      body: { email: `b-${email}`, roles: ["wizard"] },
    });
    expect(unknownRole.status).toBe(400);
    const list = await callRoute(routes.invitations.GET, "GET", `/api/v1/tenants/${slug}/invitations`, {
      headers: ownerRead,
      params: { slug },
    });
    expect(list.body.invitations).toEqual([expect.objectContaining({ email, status: "pending" })]);
    expect(JSON.stringify(list.body)).not.toMatch(/token/i);
  });

  it("role change writes user_roles and marks the user's claims stale (no sign-out)", async () => {
    const res = await callRoute(routes.member.PATCH, "PATCH", `/api/v1/tenants/${slug}/members/${userId}`, {
      headers: ownerWrite,
      params: { slug, userId },
      body: { roles: ["admin"] },
    });
    expect(res.status).toBe(200);
    expect(res.body.member.roles).toEqual(["admin"]);
    const revs = await callRoute(routes.revocations.GET, "GET", "/api/v1/revocations", {
      headers: ownerRead,
      query: { tenant: slug },
    });
    const types = revs.body.revocations
      .filter((r: { id: string }) => r.id === userId)
      .map((r: { type: string }) => r.type);
    expect(types).toContain("stale");
    expect(types).not.toContain("user");
    const unknown = await callRoute(routes.member.PATCH, "PATCH", `/api/v1/tenants/${slug}/members/${userId}`, {
      headers: ownerWrite,
      params: { slug, userId },
      body: { roles: ["nope-role"] },
    });
    expect(unknown.status).toBe(400);
  });

  it("custom roles: registry-checked permissions; built-ins read-only; delete refused while assigned, naming users", async () => {
    const bad = await callRoute(routes.roles.POST, "POST", `/api/v1/tenants/${slug}/roles`, {
      headers: ownerWrite,
      params: { slug },
      body: { key: "auditor", name: "Auditor", permissions: ["projects:read", "root:everything"] },
    });
    expect(bad.status).toBe(400);
    const ok = await callRoute(routes.roles.POST, "POST", `/api/v1/tenants/${slug}/roles`, {
      headers: ownerWrite,
      params: { slug },
      body: { key: "auditor", name: "Auditor", permissions: ["projects:read", "members:read"] },
    });
    expect(ok.status).toBe(201);
    const builtin = await callRoute(routes.role.PUT, "PUT", `/api/v1/tenants/${slug}/roles/owner`, {
      headers: ownerWrite,
      params: { slug, key: "owner" },
      body: { name: "X", permissions: [] },
    });
    expect(builtin.status).toBe(403);
    await callRoute(routes.member.PATCH, "PATCH", `/api/v1/tenants/${slug}/members/${userId}`, {
      headers: ownerWrite,
      params: { slug, userId },
      body: { roles: ["auditor"] },
    });
    const refused = await callRoute(routes.role.DELETE, "DELETE", `/api/v1/tenants/${slug}/roles/auditor`, {
      headers: ownerWrite,
      params: { slug, key: "auditor" },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("jane@example.test");
    const edited = await callRoute(routes.role.PUT, "PUT", `/api/v1/tenants/${slug}/roles/auditor`, {
      headers: ownerWrite,
      params: { slug, key: "auditor" },
      body: { name: "Auditor", permissions: ["projects:read"] },
    });
    expect(edited.body.affectedUsers).toBe(1);
    await callRoute(routes.member.PATCH, "PATCH", `/api/v1/tenants/${slug}/members/${userId}`, {
      headers: ownerWrite,
      params: { slug, userId },
      body: { roles: ["member"] },
    });
    const deleted = await callRoute(routes.role.DELETE, "DELETE", `/api/v1/tenants/${slug}/roles/auditor`, {
      headers: ownerWrite,
      params: { slug, key: "auditor" },
    });
    expect(deleted.status).toBe(204);
    const roles = await callRoute(routes.roles.GET, "GET", `/api/v1/tenants/${slug}/roles`, {
      headers: ownerRead,
      params: { slug },
    });
    expect(roles.body.roles.map((r: { key: string }) => r.key)).toEqual(BUILTIN_ROLE_LIST.map((r) => r.key));
  });

  it("disable → revokeUser; user/tenant revocations listed with TTL", async () => {
    const res = await callRoute(routes.member.PATCH, "PATCH", `/api/v1/tenants/${slug}/members/${userId}`, {
      headers: ownerWrite,
      params: { slug, userId },
      body: { disabled: true },
    });
    expect(res.body.member.disabled).toBe(true);
    const kill = await callRoute(routes.revocations.POST, "POST", "/api/v1/revocations", {
      headers: ownerWrite,
      body: { tenant: slug, type: "tenant" },
    });
    expect(kill.status).toBe(201);
    const missing = await callRoute(routes.revocations.POST, "POST", "/api/v1/revocations", {
      headers: ownerWrite,
      body: { tenant: slug, type: "session", sessionId: "nope" },
    });
    expect(missing.status).toBe(404);
    const revs = await callRoute(routes.revocations.GET, "GET", "/api/v1/revocations", {
      headers: ownerRead,
      query: { tenant: slug },
    });
    const byType = Object.fromEntries(
      revs.body.revocations.map((r: { type: string; ttlSeconds: number }) => [r.type, r.ttlSeconds]),
    );
    expect(byType.user).toBeGreaterThan(0);
    expect(byType.tenant).toBeGreaterThan(0);
    const sessions = await callRoute(routes.sessions.GET, "GET", `/api/v1/tenants/${slug}/sessions`, {
      headers: ownerRead,
      params: { slug },
      query: { userId },
    });
    expect(sessions.body.sessions).toEqual([]);
  });

  it("suspend sets status + tenant epoch; resume; delete needs the matching confirmation", async () => {
    const s = await callRoute(routes.suspend.POST, "POST", `/api/v1/tenants/${slug}/suspend`, {
      headers: ownerWrite,
      params: { slug },
    });
    expect(s.body.tenant.status).toBe("suspended");
    const r = await callRoute(routes.resume.POST, "POST", `/api/v1/tenants/${slug}/resume`, {
      headers: ownerWrite,
      params: { slug },
    });
    expect(r.body.tenant.status).toBe("active");
    const wrong = await callRoute(routes.tenant.DELETE, "DELETE", `/api/v1/tenants/${slug}`, {
      headers: ownerWrite,
      params: { slug },
      body: { confirm: "other" },
    });
    expect(wrong.status).toBe(400);
    const detail = await callRoute(routes.tenant.GET, "GET", `/api/v1/tenants/${slug}`, {
      headers: ownerRead,
      params: { slug },
    });
    expect(detail.body.tenant).toMatchObject({ slug, memberCount: 1, disabledCount: 1 });
  });
});

describe("read-only callers: 403 on EVERY mutation", () => {
  const uid = "00000000-0000-4000-8000-000000000000";
  const mutations = () =>
    [
      ["POST /tenants", routes.tenants.POST, "POST", {}, { slug: "x-nope", name: "X" }],
      ["DELETE /tenants/:slug", routes.tenant.DELETE, "DELETE", { slug }, undefined],
      ["POST /tenants/:slug/suspend", routes.suspend.POST, "POST", { slug }, undefined],
      ["POST /tenants/:slug/resume", routes.resume.POST, "POST", { slug }, undefined],
      ["POST /tenants/:slug/members", routes.members.POST, "POST", { slug }, { email: "x@x.test", name: "X" }],
      ["PATCH /tenants/:slug/members/:userId", routes.member.PATCH, "PATCH", { slug, userId: uid }, { disabled: true }],
      [
        "POST /tenants/:slug/invitations",
        routes.invitations.POST,
        "POST",
        { slug },
        { email: "x@x.test", roles: ["viewer"] },
      ],
      ["POST /tenants/:slug/roles", routes.roles.POST, "POST", { slug }, { key: "x-role", name: "X", permissions: [] }],
      [
        "PUT /tenants/:slug/roles/:key",
        routes.role.PUT,
        "PUT",
        { slug, key: "x-role" },
        { name: "X", permissions: [] },
      ],
      ["DELETE /tenants/:slug/roles/:key", routes.role.DELETE, "DELETE", { slug, key: "x-role" }, undefined],
      ["POST /revocations", routes.revocations.POST, "POST", {}, { tenant: slug, type: "tenant" }],
      ["POST /api-tokens", routes.apiTokens.POST, "POST", {}, { name: "x", scope: "write" }],
      ["DELETE /api-tokens", routes.apiTokens.DELETE, "DELETE", {}, { id: uid }],
      ["DELETE /api-tokens/:id", routes.apiToken.DELETE, "DELETE", { id: uid }, undefined],
    ] as const;

  it("covers every mutating export of every /api/v1 route module", () => {
    const exported = Object.entries(routes).flatMap(([name, mod]) =>
      Object.keys(mod)
        .filter((k) => ["POST", "PUT", "PATCH", "DELETE"].includes(k))
        .map((k) => `${name}.${k}`),
    );
    expect(exported).toHaveLength(mutations().length);
  });

  for (const who of ["support operator (session)", "owner's read-scope API token"] as const) {
    it(`${who} gets 403 forbidden, the state is unchanged, and the denial is audited`, async () => {
      const headers = who.startsWith("support") ? supportCookie : ownerRead;
      for (const [label, handler, method, params, body] of mutations()) {
        const res = await callRoute(handler, method, `/api/v1/${label}`, { headers, params: { ...params }, body });
        expect(res.status, label).toBe(403);
        expect(res.body.error.code, label).toBe("forbidden");
      }
      const tenant = await callRoute(routes.tenant.GET, "GET", `/api/v1/tenants/${slug}`, {
        headers,
        params: { slug },
      });
      expect(tenant.body.tenant.status).toBe("active");
      const audit = await callRoute(routes.audit.GET, "GET", "/api/v1/audit", {
        headers,
        query: { actor: who.startsWith("support") ? "support@" : "ops@", limit: "500" },
      });
      const denied = audit.body.entries.filter((e: { outcome: string }) => e.outcome === "denied");
      expect(denied.length).toBeGreaterThanOrEqual(mutations().length);
    });
  }
});

describe("audit log", () => {
  it("records actions with filters and cursor pagination; exports CSV", async () => {
    const first = await callRoute(routes.audit.GET, "GET", "/api/v1/audit", {
      headers: ownerRead,
      query: { tenant: slug, limit: "3" },
    });
    expect(first.body.entries).toHaveLength(3);
    const second = await callRoute(routes.audit.GET, "GET", "/api/v1/audit", {
      headers: ownerRead,
      query: { tenant: slug, limit: "3", cursor: first.body.nextCursor },
    });
    expect(second.body.entries[0].id).toBeLessThan(first.body.entries[2].id);
    const created = await callRoute(routes.audit.GET, "GET", "/api/v1/audit", {
      headers: ownerRead,
      query: { action: "tenant.create" },
    });
    expect(
      created.body.entries.some(
        (e: { tenantSlug: string; outcome: string }) => e.tenantSlug === slug && e.outcome === "success",
      ),
    ).toBe(true);
    expect(created.body.entries.some((e: { outcome: string }) => e.outcome === "failure")).toBe(true);
    const csv = await callRoute(routes.auditExport.GET, "GET", "/api/v1/audit/export", {
      headers: ownerRead,
      query: { tenant: slug },
    });
    expect(csv.response.headers.get("content-type")).toContain("text/csv");
    expect(String(csv.body).split("\r\n")[0]).toBe("id,at,actor,action,outcome,tenant,target,ip,details");
  });

  it("has no mutation path: GET-only route modules, no update/delete of audit_log in app code", async () => {
    expect(Object.keys(routes.audit).filter((k) => /^[A-Z]+$/.test(k))).toEqual(["GET"]);
    expect(Object.keys(routes.auditExport).filter((k) => /^[A-Z]+$/.test(k))).toEqual(["GET"]);
    const offenders = listFiles(join(__dirname, "../src")).filter((f) =>
      /\.(update|delete)\(\s*auditLog\b|(update|delete from)\s+"?audit_log/i.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
