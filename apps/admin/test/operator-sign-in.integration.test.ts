// Operator sign-in through the real Auth.js handlers (createOperatorAuth): a good password
// yields a `repo-admin.session` cookie the admin API accepts; every attempt is audited,
// failures included; repeated failures for one email are rate limited (fail closed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setUpAdminTestEnv, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
// Type-only: the modules themselves are imported after the test env is set up.
import type * as AuthRouteModule from "../src/app/api/auth/[...nextauth]/route";
import type * as TenantsRouteModule from "../src/app/api/v1/tenants/route";
import type * as AuditRouteModule from "../src/app/api/v1/audit/route";

let env: AdminTestEnv;
type AuthRoute = typeof AuthRouteModule;
let authRoute: AuthRoute;
let tenantsRoute: typeof TenantsRouteModule;
let auditRoute: typeof AuditRouteModule;

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  authRoute = await import("../src/app/api/auth/[...nextauth]/route");
  tenantsRoute = await import("../src/app/api/v1/tenants/route");
  auditRoute = await import("../src/app/api/v1/audit/route");
}, 60_000);

afterAll(async () => {
  const { closeTenancy } = await import("@repo/tenancy");
  await closeTenancy();
  await env?.cleanup();
});

const origin = "http://localhost:3001";

async function signIn(email: string, password: string): Promise<{ url: string; cookies: string[] }> {
  const csrfResponse = await authRoute.GET(new NextRequest(`${origin}/api/auth/csrf`, { headers: { host: "localhost:3001" } }));
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await authRoute.POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { host: "localhost:3001", cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1", "x-forwarded-for": "10.1.2.3" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
    }),
  );
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  return { url: body.url ?? response.headers.get("location") ?? "", cookies: response.headers.getSetCookie() };
}

describe("operator sign-in", () => {
  it("signs in with the operator's password; the cookie authenticates the admin API", async () => {
    const { url, cookies } = await signIn("ops@example.test", "demo-password-1");
    expect(url).not.toContain("error=");
    const session = cookies.find((c) => c.startsWith("repo-admin.session="));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const cookie = session!.split(";")[0]!;
    expect((await callRoute(tenantsRoute.GET, "GET", "/api/v1/tenants", { headers: { cookie } })).status).toBe(200);
  });

  it("audits failed and successful attempts (with IP), and rate-limits repeated failures", async () => {
    const failed = await signIn("ops@example.test", "wrong-password");
    expect(failed.url).toContain("error=");
    expect(failed.cookies.some((c) => c.startsWith("repo-admin.session=") && !c.startsWith("repo-admin.session=;"))).toBe(false);

    let lastUrl = "";
    for (let i = 0; i < 7; i++) lastUrl = (await signIn("support@example.test", "wrong-password")).url;
    expect(new URL(lastUrl, origin).searchParams.get("code")).toBe("rate_limited");
    // Even the right password is refused while the email is rate limited.
    expect((await signIn("support@example.test", "demo-password-1")).url).toContain("code=rate_limited");

    const { signOperatorCookie } = await import("./support/sign-operator-cookie");
    const cookie = await signOperatorCookie(env.ownerId, "owner");
    const audit = await callRoute(auditRoute.GET, "GET", "/api/v1/audit", { headers: { cookie }, query: { action: "operator.sign_in", limit: "100" } });
    const entries = audit.body.entries as { actor: string; outcome: string; ip: string; metadata: { error?: string } }[];
    expect(entries.filter((e) => e.actor === "ops@example.test").map((e) => e.outcome).sort()).toEqual(["failure", "success"]);
    expect(entries.some((e) => e.actor === "support@example.test" && e.metadata.error === "rate_limited")).toBe(true);
    expect(entries.every((e) => e.ip === "10.1.2.3")).toBe(true);
  });
});
