// Cookie tossing against the operator console: a sibling host can plant a second
// `repo-admin.session` (a `Domain=` cookie or a longer `Path`) that the browser sends FIRST.
// The console reads the operator cookie exactly like the tenant gate (`readCookieValues` +
// `verifySession` from @repo/auth/gate): a duplicate neither replaces nor clears the real
// session — in the proxy, the API and pages alike — and sign-out revokes every value that verifies.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";
import type * as AuthRouteModule from "../src/app/api/auth/[...nextauth]/route";
import type * as TenantsRouteModule from "../src/app/api/v1/tenants/route";
import { loadProxy } from "./support/load-proxy";

let env: AdminTestEnv;
let authRoute: typeof AuthRouteModule;
let tenantsRoute: typeof TenantsRouteModule;
const origin = "http://localhost:3001";

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  authRoute = await import("../src/app/api/auth/[...nextauth]/route");
  tenantsRoute = await import("../src/app/api/v1/tenants/route");
}, 60_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

const value = (cookie: string) => cookie.slice(cookie.indexOf("=") + 1);

async function callProxy(cookie: string, path = "/tenants"): Promise<Response> {
  const proxy = await loadProxy();
  return proxy(new NextRequest(`${origin}${path}`, { headers: { host: "localhost:3001", cookie } }));
}

const sessionCookiesSet = (response: Response) =>
  response.headers.getSetCookie().filter((c) => c.startsWith("repo-admin.session="));

async function tossedValues(): Promise<Array<[string, string]>> {
  const revoked = await signOperatorCookie(env.ownerId, "owner");
  const claims = JSON.parse(Buffer.from(value(revoked).split(".")[1]!, "base64url").toString()) as {
    sid: string;
    exp: number;
  };
  const { getRevocationStore } = await import("../src/server/admin-root");
  await getRevocationStore().revokeSession("admin", claims.sid, claims.exp);
  return [
    ["garbage", "x"],
    ["a forged JWT shape", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."],
    ["a tenant-audience token", value(await signOperatorCookie(env.ownerId, "owner", { audience: "t1", tid: "t1" }))],
    ["a revoked operator session", value(revoked)],
  ];
}

describe("operator cookie tossing", () => {
  it("a duplicate sent first neither replaces nor clears the real session (proxy and API)", async () => {
    const real = await signOperatorCookie(env.ownerId, "owner");
    for (const [label, tossed] of await tossedValues()) {
      const header = `repo-admin.session=${tossed}; theme=dark; ${real}`;
      const proxied = await callProxy(header);
      expect({ label, status: proxied.status }).toEqual({ label, status: 200 });
      expect(sessionCookiesSet(proxied)).toEqual([]);
      const api = await callRoute(tenantsRoute.GET, "GET", "/api/v1/tenants", { headers: { cookie: header } });
      expect({ label, status: api.status }).toEqual({ label, status: 200 });
      // Without the real one, the duplicate alone is refused, and nothing is cleared.
      const alone = await callProxy(`repo-admin.session=${tossed}`, "/api/v1/tenants");
      expect({ label, status: alone.status }).toEqual({ label, status: 401 });
    }
  });

  it("sign-out revokes every value of the cookie that verifies, whatever their order", async () => {
    const first = await signOperatorCookie(env.ownerId, "owner");
    const second = await signOperatorCookie(env.ownerId, "owner");
    const csrf = await authRoute.GET(
      new NextRequest(`${origin}/api/auth/csrf`, { headers: { host: "localhost:3001" } }),
    );
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const response = await authRoute.POST(
      new NextRequest(`${origin}/api/auth/signout`, {
        method: "POST",
        headers: {
          host: "localhost:3001",
          origin,
          cookie: `repo-admin.session=x; ${first}; ${csrfCookie}; ${second}`,
          "content-type": "application/x-www-form-urlencoded",
          "x-auth-return-redirect": "1",
        },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/signin" }),
      }),
    );
    expect(response.status).toBeLessThan(400);
    for (const session of [first, second]) {
      expect((await callProxy(session, "/api/v1/tenants")).status).toBe(401);
    }
  });
});
