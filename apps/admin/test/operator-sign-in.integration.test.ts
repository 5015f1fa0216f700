// Operator sign-in through the real Auth.js handlers (createOperatorAuth): a good password
// yields a `repo-admin.session` cookie the admin API accepts; every attempt is audited,
// failures included; repeated failures for one email get 429 + Retry-After from the shared
// limiter (`withSignInLimits`), and those refusals are audited as `rate_limited`.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { setUpAdminTestEnv, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
// Type-only: the modules themselves are imported after the test env is set up.
import type * as AuthRouteModule from "../src/app/api/auth/[...nextauth]/route";
import type * as TenantsRouteModule from "../src/app/api/v1/tenants/route";
import type * as AuditRouteModule from "../src/app/api/v1/audit/route";

// Own Redis keys for the limiter: other runs sharing this Redis (and `ops@example.test`) never
// share this file's windows.
process.env.SIGNIN_RATE_LIMIT_PREFIX = `rl:signin:test-${crypto.randomUUID().slice(0, 8)}`;

// Each attempt runs argon2 and several Redis round trips: on a loaded machine 5 s is too tight.
vi.setConfig({ testTimeout: 60_000 });

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
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

const origin = "http://localhost:3001";

type SignInResult = {
  status: number;
  url: string;
  cookies: string[];
  retryAfter: string | null;
  error?: { code: string; message: string };
};

async function signIn(
  email: string,
  password: string,
  options: { cookie?: string; ip?: string; csrf?: "valid" | "missing" } = {},
): Promise<SignInResult> {
  const csrfResponse = await authRoute.GET(
    new NextRequest(`${origin}/api/auth/csrf`, { headers: { host: "localhost:3001" } }),
  );
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = [
    ...csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]),
    ...(options.cookie ? [options.cookie] : []),
  ].join("; ");
  const response = await authRoute.POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        host: "localhost:3001",
        cookie: csrfCookie,
        "content-type": "application/x-www-form-urlencoded",
        "x-auth-return-redirect": "1",
        "x-forwarded-for": options.ip ?? "10.1.2.3",
      },
      body: new URLSearchParams({
        csrfToken: options.csrf === "missing" ? "" : csrfToken,
        email,
        password,
        callbackUrl: "/",
      }),
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

  /** The real operator's browser (set by the first test below), used to clear the account after attacks. */
  let opsDevice = "";
  const deviceCookieOf = (result: SignInResult) =>
    result.cookies.find((c) => c.startsWith("repo-admin.device="))?.split(";")[0];
  const auditFor = async (actor: string) => {
    const { signOperatorCookie } = await import("./support/sign-operator-cookie");
    const cookie = await signOperatorCookie(env.ownerId, "owner");
    const audit = await callRoute(auditRoute.GET, "GET", "/api/v1/audit", {
      headers: { cookie },
      query: { action: "operator.sign_in", actor, limit: "500" },
    });
    return audit.body.entries as { actor: string; outcome: string; ip: string; metadata: { error?: string } }[];
  };

  it("an attacker's wrong passwords for ops@example.test never lock out the operator's own browser", async () => {
    // The real operator signed in from this browser before: it holds a signed device cookie.
    const first = await signIn("ops@example.test", "demo-password-1", { ip: "10.9.9.9" });
    const device = deviceCookieOf(first);
    expect(device).toBeDefined();
    opsDevice = device!;
    expect(first.cookies.find((c) => c.startsWith("repo-admin.device="))).toMatch(
      /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/i,
    );

    // The attacker: 8 wrong passwords from rotating addresses, no device cookie → 429 soon.
    const attacker: SignInResult[] = [];
    for (let i = 0; i < 8; i++)
      attacker.push(await signIn("ops@example.test", `guess-${i}`, { ip: `198.51.100.${i}` }));
    expect(attacker.at(-1)!.status).toBe(429);
    expect(Number(attacker.at(-1)!.retryAfter)).toBeGreaterThan(0);
    // An untrusted client with the right password is refused meanwhile (that is the brute-force limit) …
    expect((await signIn("ops@example.test", "demo-password-1", { ip: "203.0.113.50" })).status).toBe(429);
    // … but the operator's own browser signs in, with its own budget.
    const real = await signIn("ops@example.test", "demo-password-1", { ip: "10.9.9.9", cookie: device! });
    expect(real.status).toBe(200);
    expect(real.url).not.toContain("error=");
    expect(real.cookies.some((c) => c.startsWith("repo-admin.session=") && !c.startsWith("repo-admin.session=;"))).toBe(
      true,
    );
  });

  it.each([
    [
      "a forged device cookie",
      "repo-admin.device=AAAAAAAAAAAAAAAAAAAAAA.1700000000.00000000000000000000000000000000.forged",
    ],
    ["another account's device cookie (support)", "support"],
  ])("%s gives no budget of its own", async (_label, forged) => {
    let cookie = forged;
    if (forged === "support")
      cookie = deviceCookieOf(await signIn("support@example.test", "demo-password-1", { ip: "10.9.9.8" }))!;
    for (let i = 0; i < 8; i++) await signIn("ops@example.test", `guess-${i}`, { ip: `198.51.100.${20 + i}`, cookie });
    expect((await signIn("ops@example.test", `guess-x`, { ip: "198.51.100.40", cookie })).status).toBe(429);
    // The real browser still signs in, which clears the account's failure state.
    expect((await signIn("ops@example.test", "demo-password-1", { ip: "10.9.9.9", cookie: opsDevice })).status).toBe(
      200,
    );
  });

  it("checks the CSRF token before counting: posts without it are 403 and count against nobody", async () => {
    for (let i = 0; i < 12; i++) {
      const refused = await signIn("support@example.test", `guess-${i}`, {
        csrf: "missing",
        ip: `198.51.100.${60 + i}`,
      });
      expect(refused.status).toBe(403);
      expect(refused.error?.code).toBe("csrf_invalid");
    }
    const right = await signIn("support@example.test", "demo-password-1", { ip: "198.51.100.99" });
    expect(right.status).toBe(200);
    expect(right.url).not.toContain("error=");
  });

  it("audits answered attempts with bounded fields; refused ones become one counted row per subject and hour", async () => {
    const actor = "ops@example.test";
    const before = (await auditFor(actor)).length;
    const longIp = `10.0.0.${"9".repeat(500)}`;
    for (let i = 0; i < 12; i++) await signIn(actor, `wrong-${i}`, { ip: i === 0 ? longIp : `198.51.100.${100 + i}` });
    const entries = (await auditFor(actor)).slice(0, (await auditFor(actor)).length - before);
    // The limiter answered at most its budget of failures; the refusals are not one row each.
    expect(entries.length).toBeLessThanOrEqual(6);
    expect(entries.every((e) => e.outcome === "failure")).toBe(true);
    expect(entries.every((e) => (e.ip ?? "").length <= 64)).toBe(true);
    const { default: postgres } = await import("postgres");
    const sql = postgres(env.controlPlaneUrl, { max: 1, onnotice: () => {} });
    const rows = await sql<
      { subject: string; count: number }[]
    >`select subject, count from sign_in_refusals where scope = 'admin' and subject = ${actor}`;
    await sql.end();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBeGreaterThanOrEqual(6);
    // The account is clear again once its owner signs in.
    expect((await signIn(actor, "demo-password-1", { ip: "10.9.9.9", cookie: opsDevice })).status).toBe(200);
  });
});
