// Operator sign-in through the real Auth.js handlers (createOperatorAuth): a good password
// yields a `repo-admin.session` cookie the admin API accepts; every attempt is audited,
// failures included; repeated failures for one email get 429 + Retry-After from the shared
// limiter (`withSignInLimits`), and those refusals are audited as `rate_limited`.
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

type SignInResult = { status: number; url: string; cookies: string[]; retryAfter: string | null; error?: { code: string; message: string } };

async function signIn(email: string, password: string): Promise<SignInResult> {
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
  const body = (await response.json().catch(() => ({}))) as { url?: string; error?: { code: string; message: string } };
  return {
    status: response.status,
    url: body.url ?? response.headers.get("location") ?? "",
    cookies: response.headers.getSetCookie(),
    retryAfter: response.headers.get("retry-after"),
    ...(body.error ? { error: body.error } : {}),
  };
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

  it.each([
    ["a sibling subdomain", { origin: "http://evil.localhost:3000" }],
    ["an opaque origin", { origin: "null" }],
    ["another port", { origin: "http://localhost:3000" }],
    ["Fetch Metadata cross-site", { "sec-fetch-site": "same-site" }],
  ])("refuses sign-in and sign-out posted from %s (login/logout CSRF)", async (_label, extra) => {
    for (const path of ["/api/auth/callback/credentials", "/api/auth/signout"]) {
      const response = await authRoute.POST(
        new NextRequest(`${origin}${path}`, {
          method: "POST",
          headers: { host: "localhost:3001", "content-type": "application/x-www-form-urlencoded", ...extra },
          body: new URLSearchParams({ csrfToken: "x", email: "ops@example.test", password: "demo-password-1" }),
        }),
      );
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
  });

  it("audits failed and successful attempts (with IP), and rate-limits repeated failures", async () => {
    const failed = await signIn("ops@example.test", "wrong-password");
    expect(failed.url).toContain("error=");
    expect(failed.cookies.some((c) => c.startsWith("repo-admin.session=") && !c.startsWith("repo-admin.session=;"))).toBe(false);

    let last: SignInResult | undefined;
    for (let i = 0; i < 7; i++) last = await signIn("support@example.test", "wrong-password");
    expect(last!.status).toBe(429);
    expect(Number(last!.retryAfter)).toBeGreaterThan(0);
    expect(last!.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("Too many sign-in attempts") });
    // Even the right password is refused while the email is rate limited.
    const right = await signIn("support@example.test", "demo-password-1");
    expect(right.status).toBe(429);
    expect(right.cookies.some((c) => c.startsWith("repo-admin.session=") && !c.startsWith("repo-admin.session=;"))).toBe(false);

    const { signOperatorCookie } = await import("./support/sign-operator-cookie");
    const cookie = await signOperatorCookie(env.ownerId, "owner");
    const audit = await callRoute(auditRoute.GET, "GET", "/api/v1/audit", { headers: { cookie }, query: { action: "operator.sign_in", limit: "100" } });
    const entries = audit.body.entries as { actor: string; outcome: string; ip: string; metadata: { error?: string } }[];
    expect(entries.filter((e) => e.actor === "ops@example.test").map((e) => e.outcome).sort()).toEqual(["failure", "success"]);
    const support = entries.filter((e) => e.actor === "support@example.test");
    // Every attempt is audited: failures up to the limit (5), then the refusals (the window lives in
    // the shared Redis, so a rerun within it may see more refusals; never fewer than these 3).
    expect(support).toHaveLength(8);
    expect(support.filter((e) => e.outcome === "failure").length).toBeLessThanOrEqual(5);
    expect(support.filter((e) => e.outcome === "rate_limited" && e.metadata.error === "rate_limited").length).toBeGreaterThanOrEqual(3);
    expect(entries.every((e) => e.ip === "10.1.2.3")).toBe(true);
  });
});
