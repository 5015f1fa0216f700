// Admin loose ends: the Host allow-list (ADMIN_ORIGIN), the `__Host-` cookie name over HTTPS,
// the Origin check under TRUST_FORWARDED_HOST, and audit entries written in the same
// transaction as the control-plane change (a failing audit write rolls the change back).
import { NextRequest } from "next/server";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isCrossOriginRequest } from "../src/server/http/is-cross-origin-request";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";
import { loadProxy } from "./support/load-proxy";

let env: AdminTestEnv;
let cp: postgres.Sql;
let ownerCookie: Record<string, string>;
let token: string;

beforeAll(async () => {
  // Secure cookies (as over HTTPS) and a public origin other than the dev default.
  vi.stubEnv("AUTH_COOKIE_SECURE", "true");
  vi.stubEnv("ADMIN_ORIGIN", "https://admin.example.com");
  env = await setUpAdminTestEnv();
  cp = postgres(env.controlPlaneUrl, { max: 1, onnotice: () => {} });
  token = (await signOperatorCookie(env.ownerId, "owner")).slice("repo-admin.session=".length);
  ownerCookie = { cookie: `__Host-repo-admin.session=${token}`, origin: "http://localhost:3001" };
}, 60_000);

afterAll(async () => {
  await cp?.end();
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
  vi.unstubAllEnvs();
});

async function callProxy(path: string, headers: Record<string, string>) {
  const proxy = await loadProxy();
  return proxy(new NextRequest(`http://localhost:3001${path}`, { headers }));
}

describe("host allow-list (ADMIN_ORIGIN = https://admin.example.com)", () => {
  it.each([
    ["the console's host", { host: "admin.example.com" }, true],
    ["its host with the default port", { host: "admin.example.com:443" }, true],
    ["upper case (DNS is case-insensitive)", { host: "ADMIN.example.com" }, true],
    ["another host", { host: "evil.example" }, false],
    ["a tenant host", { host: "acme.example.com" }, false],
    ["a suffix look-alike", { host: "admin.example.com.evil.com" }, false],
    ["another port", { host: "admin.example.com:8443" }, false],
    ["userinfo", { host: "evil@admin.example.com" }, false],
    ["a trailing dot", { host: "admin.example.com." }, false],
    ["the dev default", { host: "localhost:3001" }, false],
    ["no Host", {}, false],
    [
      "X-Forwarded-Host is ignored unless trusted",
      { host: "admin.example.com", "x-forwarded-host": "evil.example" },
      true,
    ],
  ])("%s → %s", async (_name, headers, allowed) => {
    for (const path of ["/signin", "/api/v1/tenants", "/"]) {
      const response = await callProxy(path, headers as Record<string, string>);
      if (allowed) expect(response.status, path).not.toBe(421);
      else expect([response.status, (await response.json()).error.code], path).toEqual([421, "host_not_allowed"]);
    }
  });

  it("the sign-in redirect points at ADMIN_ORIGIN, not the bind address", async () => {
    const response = await callProxy("/tenants", { host: "admin.example.com" });
    expect(response.headers.get("location")).toMatch(/^https:\/\/admin\.example\.com\/signin\?/);
  });
});

describe("cookie name over HTTPS", () => {
  it("reads only the __Host- name: the plain name (settable from a sibling subdomain) is ignored", {
    timeout: 60_000,
  }, async () => {
    const { GET } = await import("../src/app/api/v1/tenants/route");
    expect(
      (await callRoute(GET, "GET", "/api/v1/tenants", { headers: { cookie: `__Host-repo-admin.session=${token}` } }))
        .status,
    ).toBe(200);
    expect(
      (await callRoute(GET, "GET", "/api/v1/tenants", { headers: { cookie: `repo-admin.session=${token}` } })).status,
    ).toBe(401);
    const viaProxy = await callProxy("/api/v1/tenants", {
      host: "admin.example.com",
      cookie: `repo-admin.session=${token}`,
    });
    expect(viaProxy.status).toBe(401);
    const good = await callProxy("/api/v1/tenants", {
      host: "admin.example.com",
      cookie: `__Host-repo-admin.session=${token}`,
    });
    expect(good.status).toBe(200);
  });
});

describe("Origin check and TRUST_FORWARDED_HOST", () => {
  const request = (headers: Record<string, string>) =>
    new Request("http://localhost:3001/api/v1/tenants", { method: "POST", headers });
  it.each([
    ["same host", { host: "admin.example.com", origin: "https://admin.example.com" }, false, false],
    ["foreign origin", { host: "admin.example.com", origin: "https://evil.example" }, false, true],
    [
      "behind a proxy, untrusted: Host is the internal one",
      { host: "10.0.0.5:3001", "x-forwarded-host": "admin.example.com", origin: "https://admin.example.com" },
      false,
      true,
    ],
    [
      "behind a trusted proxy: the forwarded host is the public one",
      { host: "10.0.0.5:3001", "x-forwarded-host": "admin.example.com", origin: "https://admin.example.com" },
      true,
      false,
    ],
    [
      "trusted proxy, foreign origin",
      { host: "10.0.0.5:3001", "x-forwarded-host": "admin.example.com", origin: "https://evil.example" },
      true,
      true,
    ],
    [
      "trusted, forged forwarded host matching a forged origin is still only what the proxy sent",
      { host: "x", "x-forwarded-host": "admin.example.com, evil.example", origin: "https://evil.example" },
      true,
      true,
    ],
    ["default port spelled out", { host: "admin.example.com:443", origin: "https://admin.example.com" }, false, false],
    ["opaque origin", { host: "admin.example.com", origin: "null" }, false, true],
  ])("%s → cross-origin %s", (_name, headers, trust, cross) => {
    expect(isCrossOriginRequest(request(headers), trust)).toBe(cross);
  });
});

describe("audit entries commit with the control-plane change", () => {
  const countAudit = async (action: string, tenantSlug: string | null = null) =>
    Number(
      (
        await cp`select count(*)::int as n from audit_log where action = ${action} and (${tenantSlug}::text is null or tenant_slug = ${tenantSlug}) and metadata->>'outcome' = 'success'`
      )[0]!.n,
    );

  async function failAuditFor(action: string, run: () => Promise<void>) {
    // A trigger that refuses this action's audit row stands in for any failure of the audit write.
    const fn = `fail_audit_${randomSuffix()}`;
    await cp.unsafe(
      `create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'audit write failed (test)'; end $$`,
    );
    await cp.unsafe(
      `create trigger ${fn} before insert on audit_log for each row when (new.action = '${action}') execute function ${fn}()`,
    );
    try {
      await run();
    } finally {
      await cp.unsafe(`drop trigger ${fn} on audit_log`);
      await cp.unsafe(`drop function ${fn}()`);
    }
  }

  it("suspend/resume: one success entry each; a failed audit write leaves the tenant unchanged", {
    timeout: 120_000,
  }, async () => {
    const routes = {
      tenants: await import("../src/app/api/v1/tenants/route"),
      suspend: await import("../src/app/api/v1/tenants/[slug]/suspend/route"),
      resume: await import("../src/app/api/v1/tenants/[slug]/resume/route"),
    };
    const slug = `audit-${randomSuffix()}`;
    const created = await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
      headers: ownerCookie,
      body: { slug, name: "Audit Co" },
    });
    expect(created.status).toBe(201);
    expect(await countAudit("tenant.create", slug)).toBe(1);

    expect(
      (await callRoute(routes.suspend.POST, "POST", "/x", { headers: ownerCookie, params: { slug } })).status,
    ).toBe(200);
    expect(await countAudit("tenant.suspend", slug)).toBe(1);

    await failAuditFor("tenant.resume", async () => {
      const res = await callRoute(routes.resume.POST, "POST", "/x", { headers: ownerCookie, params: { slug } });
      expect(res.status).toBeGreaterThanOrEqual(500);
    });
    expect((await cp`select status from tenants where slug = ${slug}`)[0]!.status).toBe("suspended");
    expect(await countAudit("tenant.resume", slug)).toBe(0);

    expect((await callRoute(routes.resume.POST, "POST", "/x", { headers: ownerCookie, params: { slug } })).status).toBe(
      200,
    );
    expect(await countAudit("tenant.resume", slug)).toBe(1);
  });

  it("API tokens: a failed audit write creates no token and revokes nothing", { timeout: 60_000 }, async () => {
    const { POST, DELETE } = await import("../src/app/api/v1/api-tokens/route");
    const before = Number((await cp`select count(*)::int as n from operator_api_tokens`)[0]!.n);
    await failAuditFor("api_token.create", async () => {
      const res = await callRoute(POST, "POST", "/api/v1/api-tokens", {
        headers: ownerCookie,
        body: { name: "doomed", scope: "read", expiresInDays: 1 },
      });
      expect(res.status).toBeGreaterThanOrEqual(500);
    });
    expect(Number((await cp`select count(*)::int as n from operator_api_tokens`)[0]!.n)).toBe(before);

    const made = await callRoute(POST, "POST", "/api/v1/api-tokens", {
      headers: ownerCookie,
      body: { name: "kept", scope: "read", expiresInDays: 1 },
    });
    expect(made.status).toBe(201);
    await failAuditFor("api_token.revoke", async () => {
      const res = await callRoute(DELETE, "DELETE", "/api/v1/api-tokens", {
        headers: ownerCookie,
        body: { id: made.body.token.id },
      });
      expect(res.status).toBeGreaterThanOrEqual(500);
    });
    expect(
      (await cp`select revoked_at from operator_api_tokens where id = ${made.body.token.id}`)[0]!.revoked_at,
    ).toBeNull();
  });
});
