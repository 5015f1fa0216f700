// Review of issue 6 against the code: adversarial and edge inputs that used to slip through
// (a mismatching delete confirmation, unvalidated role keys, extreme audit dates → 500, missing
// Origin), API token lifecycle (expiry, last-used, hash-only storage), no server actions, and
// the operator session sliding in the proxy.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";
import { loadProxy } from "./support/load-proxy";

let env: AdminTestEnv;
let cp: postgres.Sql;
let routes: Awaited<ReturnType<typeof loadRoutes>>;
let owner: Record<string, string>;
const slug = `h-${randomSuffix()}`;

async function loadRoutes() {
  return {
    tenants: await import("../src/app/api/v1/tenants/route"),
    tenant: await import("../src/app/api/v1/tenants/[slug]/route"),
    role: await import("../src/app/api/v1/tenants/[slug]/roles/[key]/route"),
    members: await import("../src/app/api/v1/tenants/[slug]/members/route"),
    member: await import("../src/app/api/v1/tenants/[slug]/members/[userId]/route"),
    sessions: await import("../src/app/api/v1/tenants/[slug]/sessions/route"),
    revocations: await import("../src/app/api/v1/revocations/route"),
    audit: await import("../src/app/api/v1/audit/route"),
    auditExport: await import("../src/app/api/v1/audit/export/route"),
    apiTokens: await import("../src/app/api/v1/api-tokens/route"),
  };
}

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  cp = postgres(env.controlPlaneUrl, { max: 1, onnotice: () => {} });
  routes = await loadRoutes();
  owner = { cookie: await signOperatorCookie(env.ownerId, "owner"), origin: "http://localhost:3001" };
  const created = await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
    headers: owner,
    body: { slug, name: "Hardening" },
  });
  expect(created.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await cp?.end();
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

describe("tenant delete confirmation", () => {
  it("refuses a different confirmation with a field error; deletes with the right one", async () => {
    const target = `del-${randomSuffix()}`;
    expect(
      (
        await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
          headers: owner,
          body: { slug: target, name: "Del" },
        })
      ).status,
    ).toBe(201);
    const wrong = await callRoute(routes.tenant.DELETE, "DELETE", `/api/v1/tenants/${target}`, {
      headers: owner,
      params: { slug: target },
      body: { confirm: "nope" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty("confirm");
    for (const confirm of [target.toUpperCase(), `${target} `, slug, ""]) {
      const res = await callRoute(routes.tenant.DELETE, "DELETE", `/api/v1/tenants/${target}`, {
        headers: owner,
        params: { slug: target },
        body: { confirm },
      });
      expect(res.status, JSON.stringify(confirm)).toBe(400);
    }
    const array = await callRoute(routes.tenant.DELETE, "DELETE", `/api/v1/tenants/${target}`, {
      headers: owner,
      params: { slug: target },
      body: [target],
    });
    expect(array.status).toBe(400);
    expect(
      (
        await callRoute(routes.tenant.GET, "GET", `/api/v1/tenants/${target}`, {
          headers: owner,
          params: { slug: target },
        })
      ).status,
    ).toBe(200);
    const ok = await callRoute(routes.tenant.DELETE, "DELETE", `/api/v1/tenants/${target}`, {
      headers: owner,
      params: { slug: target },
      query: { confirm: target },
    });
    expect(ok.status).toBe(204);
    expect(
      (
        await callRoute(routes.tenant.GET, "GET", `/api/v1/tenants/${target}`, {
          headers: owner,
          params: { slug: target },
        })
      ).status,
    ).toBe(404);
  }, 60_000);

  it("keeps the contract: DELETE without a body deletes (automation)", async () => {
    const target = `del-${randomSuffix()}`;
    expect(
      (
        await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
          headers: owner,
          body: { slug: target, name: "Del" },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await callRoute(routes.tenant.DELETE, "DELETE", `/api/v1/tenants/${target}`, {
          headers: owner,
          params: { slug: target },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await callRoute(routes.tenant.GET, "GET", `/api/v1/tenants/${target}`, {
          headers: owner,
          params: { slug: target },
        })
      ).status,
    ).toBe(404);
  }, 60_000);
});

describe("bad input is a 400 with fields (or a 404), never a 500", () => {
  it.each([
    [
      "PUT role with a malformed key",
      () =>
        callRoute(routes.role.PUT, "PUT", "/x", {
          headers: owner,
          params: { slug, key: "Bad Key!" },
          body: { name: "X", permissions: [] },
        }),
      400,
    ],
    [
      "DELETE role with a malformed key",
      () => callRoute(routes.role.DELETE, "DELETE", "/x", { headers: owner, params: { slug, key: "../../etc" } }),
      400,
    ],
    [
      "audit from far in the past",
      () => callRoute(routes.audit.GET, "GET", "/x", { headers: owner, query: { from: "-271821-04-20" } }),
      400,
    ],
    [
      "audit to far in the future",
      () => callRoute(routes.audit.GET, "GET", "/x", { headers: owner, query: { to: "+275760-09-13" } }),
      400,
    ],
    [
      "audit non-numeric cursor",
      () => callRoute(routes.audit.GET, "GET", "/x", { headers: owner, query: { cursor: "abc" } }),
      400,
    ],
    [
      "audit export with a bad date",
      () => callRoute(routes.auditExport.GET, "GET", "/x", { headers: owner, query: { from: "yesterday-ish" } }),
      400,
    ],
    [
      "members page=0",
      () => callRoute(routes.members.GET, "GET", "/x", { headers: owner, params: { slug }, query: { page: "0" } }),
      400,
    ],
    [
      "member with a non-uuid id",
      () =>
        callRoute(routes.member.PATCH, "PATCH", "/x", {
          headers: owner,
          params: { slug, userId: "1 or 1=1" },
          body: { disabled: true },
        }),
      400,
    ],
    [
      "member PATCH with an empty body",
      () =>
        callRoute(routes.member.PATCH, "PATCH", "/x", {
          headers: owner,
          params: { slug, userId: crypto.randomUUID() },
          body: {},
        }),
      400,
    ],
    [
      "member PATCH of an unknown user",
      () =>
        callRoute(routes.member.PATCH, "PATCH", "/x", {
          headers: owner,
          params: { slug, userId: crypto.randomUUID() },
          body: { disabled: true },
        }),
      404,
    ],
    [
      "sessions with a bad userId",
      () => callRoute(routes.sessions.GET, "GET", "/x", { headers: owner, params: { slug }, query: { userId: "x" } }),
      400,
    ],
    [
      "revocation of an unknown type",
      () =>
        callRoute(routes.revocations.POST, "POST", "/x", {
          headers: owner,
          body: { tenant: slug, type: "everything" },
        }),
      400,
    ],
    [
      "revocation for an unknown tenant",
      () =>
        callRoute(routes.revocations.POST, "POST", "/x", {
          headers: owner,
          body: { tenant: "no-such-tenant", type: "tenant" },
        }),
      404,
    ],
    [
      "tenant create with a JSON array body",
      () => callRoute(routes.tenants.POST, "POST", "/x", { headers: owner, body: ["a"] }),
      400,
    ],
    [
      "tenant create with a 10 KB slug",
      () =>
        callRoute(routes.tenants.POST, "POST", "/x", { headers: owner, body: { slug: "a".repeat(10_000), name: "X" } }),
      400,
    ],
    [
      "api token with expiresInDays 0",
      () =>
        callRoute(routes.apiTokens.POST, "POST", "/x", {
          headers: owner,
          body: { name: "x", scope: "read", expiresInDays: 0 },
        }),
      400,
    ],
  ])("%s", async (_label, call, expected) => {
    const res = await call();
    expect(res.status).toBe(expected);
    expect(res.body.error.code).toMatch(/^(invalid_request|not_found)$/);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.ts:\d+|stack/i);
  });

  it("a malformed JSON body is a 400", async () => {
    const request = new Request("http://localhost:3001/api/v1/tenants", {
      method: "POST",
      headers: { ...owner, host: "localhost:3001", "content-type": "application/json" },
      body: "{nope",
    });
    const response = await routes.tenants.POST(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
  });
});

describe("Origin check on cookie-authenticated writes", () => {
  it("without an Origin header, Sec-Fetch-Site decides: cross-site/same-site refused, same-origin allowed", async () => {
    const { origin: _drop, ...cookieOnly } = owner;
    for (const site of ["cross-site", "same-site"]) {
      const res = await callRoute(routes.apiTokens.POST, "POST", "/x", {
        headers: { ...cookieOnly, "sec-fetch-site": site },
        body: { name: "x", scope: "read" },
      });
      expect(res.status, site).toBe(403);
    }
    const same = await callRoute(routes.apiTokens.POST, "POST", "/x", {
      headers: { ...cookieOnly, "sec-fetch-site": "same-origin" },
      body: { name: "x", scope: "read" },
    });
    expect(same.status).toBe(201);
  });
});

describe("API tokens", () => {
  it("are shown once and stored only as a hash; expiry is enforced; use updates last_used_at", async () => {
    const created = await callRoute(routes.apiTokens.POST, "POST", "/x", {
      headers: owner,
      body: { name: "life", scope: "read", expiresInDays: 1 },
    });
    const { id, token } = created.body.token as { id: string; token: string };
    const [row] = await cp`select * from operator_api_tokens where id = ${id}`;
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.last_used_at).toBeNull();

    const bearer = { authorization: `Bearer ${token}` };
    expect((await callRoute(routes.tenants.GET, "GET", "/x", { headers: bearer })).status).toBe(200);
    const [used] = await cp`select last_used_at from operator_api_tokens where id = ${id}`;
    expect(used!.last_used_at).toBeInstanceOf(Date);

    const listed = await callRoute(routes.apiTokens.GET, "GET", "/x", { headers: owner });
    expect(JSON.stringify(listed.body)).not.toContain(token);

    await cp`update operator_api_tokens set expires_at = now() - interval '1 second' where id = ${id}`;
    const expired = await callRoute(routes.tenants.GET, "GET", "/x", { headers: bearer });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("unauthenticated");
  });

  it("a token of a disabled operator is refused", async () => {
    const created = await callRoute(routes.apiTokens.POST, "POST", "/x", {
      headers: owner,
      body: { name: "op", scope: "read" },
    });
    await cp`update operators set disabled = true where id = ${env.supportId}`;
    await cp`update operator_api_tokens set operator_id = ${env.supportId} where id = ${created.body.token.id}`;
    const res = await callRoute(routes.tenants.GET, "GET", "/x", {
      headers: { authorization: `Bearer ${created.body.token.token}` },
    });
    await cp`update operators set disabled = false where id = ${env.supportId}`;
    expect(res.status).toBe(401);
  });
});

describe("every mutation goes through the audited, role-checked API", () => {
  it("the app has no server actions (which would bypass withOperator)", () => {
    const offenders = listFiles(join(__dirname, "../src")).filter((f) =>
      /^\s*["']use server["']/m.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});

describe("operator sessions slide in the proxy", () => {
  async function signAt(issuedAt: number, authTime: number, lifetime: number) {
    const { getSettings, getKeySet } = await import("../src/server/admin-root");
    const { signSessionToken } = await import("@repo/auth/token");
    return signSessionToken(
      {
        sub: env.ownerId,
        tid: "admin",
        sid: crypto.randomUUID(),
        auth_time: authTime,
        roles: ["owner"],
        permissions: [],
      },
      await getKeySet(),
      { issuer: getSettings().issuer, audience: "admin", expiresInSeconds: lifetime, now: issuedAt },
    );
  }
  const decode = (jwt: string) =>
    JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<string, number | string>;
  const callProxy = async (token: string) => {
    const proxy = await loadProxy();
    return proxy(
      new NextRequest("http://localhost:3001/tenants", {
        headers: { host: "localhost:3001", cookie: `repo-admin.session=${token}` },
      }),
    );
  };

  it("re-issues a token past half its idle life (same sid/auth_time, later exp), and the new one works", async () => {
    const { getSettings } = await import("../src/server/admin-root");
    const { sessionMaxAge } = getSettings();
    const now = Math.floor(Date.now() / 1000);
    const old = await signAt(now - Math.ceil(sessionMaxAge * 0.6), now - sessionMaxAge, sessionMaxAge);
    const response = await callProxy(old);
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("repo-admin.session="));
    expect(setCookie).toMatch(/HttpOnly; SameSite=Lax/);
    const fresh = setCookie!.split(";")[0]!.slice("repo-admin.session=".length);
    const [before, after] = [decode(old), decode(fresh)];
    expect(after.sid).toBe(before.sid);
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.exp as number).toBeGreaterThan(before.exp as number);
    const api = await callRoute(routes.tenants.GET, "GET", "/x", {
      headers: { cookie: `repo-admin.session=${fresh}` },
    });
    expect(api.status).toBe(200);
  });

  it("leaves a young token alone, and never extends past the absolute cap", async () => {
    const { getSettings } = await import("../src/server/admin-root");
    const { sessionMaxAge, absoluteSessionCap } = getSettings();
    const now = Math.floor(Date.now() / 1000);
    const young = await callProxy(await signAt(now - 10, now - 10, sessionMaxAge));
    expect(young.headers.getSetCookie().filter((c) => c.startsWith("repo-admin.session="))).toEqual([]);

    const authTime = now - absoluteSessionCap + 120; // 2 minutes of absolute life left
    const nearCap = await signAt(now - Math.ceil(sessionMaxAge * 0.6), authTime, sessionMaxAge);
    const res = await callProxy(nearCap);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("repo-admin.session="));
    if (setCookie)
      expect(decode(setCookie.split(";")[0]!.split("=")[1]!).exp as number).toBeLessThanOrEqual(
        authTime + absoluteSessionCap,
      );
  });

  it("does not re-issue a revoked session", async () => {
    const { getSettings } = await import("../src/server/admin-root");
    const { sessionMaxAge } = getSettings();
    const { getRevocationStore } = await import("../src/server/admin-root");
    const now = Math.floor(Date.now() / 1000);
    const old = await signAt(now - Math.ceil(sessionMaxAge * 0.6), now - sessionMaxAge, sessionMaxAge);
    const claims = decode(old);
    await getRevocationStore().revokeSession("admin", claims.sid as string, claims.exp as number);
    const res = await callProxy(old);
    expect(res.status).toBe(307);
    expect(res.headers.getSetCookie().filter((c) => c.startsWith("repo-admin.session="))).toEqual([]);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
