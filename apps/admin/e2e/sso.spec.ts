// Sign-in with an identity provider through the real redirect flow in Chromium:
// tenant host → dev IdP login page (localhost:3005) → the one callback on auth.localhost:3000
// (Auth.js redirect proxy) → back on the tenant host with our own session cookie.
// acme's connection comes from the seed; globex's (enforced, domain globex-sso.test) is set
// up here through the operator API. sso-bob is only used by this file.
import { request as httpRequest } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { callAdmin, callTenant, operatorSessionCookie, OPS, signInOperator, tenantUrl } from "./support/admin-app";

const IDP = "http://localhost:3005";
const PROXY_HOST = "auth.localhost:3000";
const PASSWORD = "demo-password-1";
const ADMIN_ORIGIN = "http://localhost:3001";
const ENFORCED_DOMAIN = "globex-sso.test";

let operatorCookie = "";

/** Password sign-in through Auth.js's endpoints from Node; returns where Auth.js would send the user. */
async function postCredentials(slug: string, email: string, password: string): Promise<URL> {
  const csrf = await callTenant(slug, "/api/auth/csrf");
  const cookie = csrf.setCookie.map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = csrf.json as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }).toString();
  const result = await new Promise<{ url: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: 3000,
        path: "/api/auth/callback/credentials",
        method: "POST",
        headers: {
          host: `${slug}.localhost:3000`,
          origin: `http://${slug}.localhost:3000`,
          cookie,
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(Buffer.byteLength(body)),
          "x-auth-return-redirect": "1",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as { url: string }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
  return new URL(result.url);
}

async function callOperatorApi(path: string, method: string, body?: unknown) {
  return callAdmin(path, {
    method,
    headers: { cookie: operatorCookie, origin: ADMIN_ORIGIN },
    ...(body === undefined ? {} : { body }),
  });
}

/** Clicks "Continue with SSO" on the tenant's sign-in page and signs in on the IdP's own page. */
async function signInWithSso(page: Page, slug: string, email: string, callbackUrl = "/") {
  await page.goto(tenantUrl(slug, `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`));
  await page.getByTestId("signin-with-sso").click();
  await page.waitForURL((url) => url.origin === IDP);
  await expect(page.getByRole("heading", { name: "Dev identity provider" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** `GET /api/me` from the page itself (Node cannot resolve *.localhost; the browser can). */
async function readMe(page: Page): Promise<{ status: number; body: { user?: { email: string }; roles?: string[] } }> {
  return page.evaluate(async () => {
    const response = await fetch("/api/me", { cache: "no-store" });
    return { status: response.status, body: await response.json() };
  });
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signInOperator(page, OPS);
  operatorCookie = await operatorSessionCookie(page.context());
  await page.close();
  const put = await callOperatorApi("/api/v1/tenants/globex/sso", "PUT", {
    issuer: IDP,
    clientId: "platform-dev",
    clientSecret: "platform-dev-client-secret",
    domains: [ENFORCED_DOMAIN],
    defaultRoles: ["member"],
    enforced: true,
  });
  expect(put.status).toBe(200);
});

test("acme: IdP sign-in through the shared callback lands signed in on the tenant host (JIT member)", async ({
  page,
}) => {
  const navigatedHosts: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest()) navigatedHosts.push(new URL(request.url()).host);
  });
  await signInWithSso(page, "acme", "sso-alice@acme.test", "/projects");
  await page.waitForURL(tenantUrl("acme", "/projects"));
  expect(navigatedHosts).toContain(PROXY_HOST);
  const me = await readMe(page);
  expect(me.status).toBe(200);
  expect(me.body.user?.email).toBe("sso-alice@acme.test");
  expect(me.body.roles).toEqual(["member"]);
  // Our own signed session cookie, host-only on the tenant host; nothing kept on the proxy host.
  const cookies = await page.context().cookies(tenantUrl("acme"));
  expect(cookies.find((c) => /^(__Host-)?repo\.session$/.test(c.name))?.domain).toBe("acme.localhost");
  expect(await page.context().cookies(`http://${PROXY_HOST}/`)).toEqual([]);
});

test("the same IdP user is refused on globex (email domain not verified there)", async ({ page }) => {
  await signInWithSso(page, "globex", "sso-alice@acme.test");
  await page.waitForURL((url) => url.host === "globex.localhost:3000" && url.pathname === "/signin");
  await expect(page.getByTestId("signin-error")).toContainText("doesn't accept sign-in for your email domain");
  expect((await readMe(page)).status).toBe(401);
});

test("an email the IdP did not verify is refused (no JIT, no link)", async ({ page }) => {
  await signInWithSso(page, "acme", "sso-unverified@acme.test");
  await page.waitForURL((url) => url.host === "acme.localhost:3000" && url.pathname === "/signin");
  await expect(page.getByTestId("signin-error")).toContainText("did not confirm this email address");
  expect((await readMe(page)).status).toBe(401);
});

test("an enforced connection refuses password sign-in for its domain, with a pointer to SSO", async ({ page }) => {
  const email = `pat-${Date.now()}@${ENFORCED_DOMAIN}`;
  const created = await callOperatorApi("/api/v1/tenants/globex/members", "POST", {
    email,
    name: "Pat",
    password: "a-long-password-123",
    roles: ["member"],
  });
  expect(created.status).toBe(201);
  const refused = await postCredentials("globex", email, "a-long-password-123");
  expect(refused.searchParams.get("code")).toBe("sso_required");

  await page.goto(tenantUrl("globex", "/signin"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password-123");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signin-error")).toContainText("uses single sign-on");
  await expect(page.getByTestId("signin-with-sso")).toBeVisible();
  // Other domains of the same tenant keep password sign-in.
  const other = await postCredentials("globex", "viewer@globex.test", PASSWORD);
  expect(other.searchParams.get("error")).toBeNull();
});

/**
 * Starts SSO on `slug` in the browser, then signs in at the IdP through the context's own
 * request API (same cookies) without following redirects: returns the IdP's redirect to the
 * shared callback, unused. (Route interception cannot see redirect hops, so no page.route.)
 */
async function captureSharedCallback(page: Page, slug: string, email: string): Promise<URL> {
  await page.goto(tenantUrl(slug, "/signin"));
  await page.getByTestId("signin-with-sso").click();
  await page.waitForURL((url) => url.origin === IDP);
  const login = await page.request.post(page.url(), { form: { email, password: PASSWORD }, maxRedirects: 0 });
  expect(login.status()).toBe(303);
  const resume = await page.request.get(new URL(login.headers().location!, IDP).toString(), { maxRedirects: 0 });
  const callback = new URL(resume.headers().location!);
  expect(callback.host).toBe(PROXY_HOST);
  return callback;
}

test("tampered state, state replayed on another tenant's host, and a replayed callback are refused", async ({
  page,
}) => {
  const callback = await captureSharedCallback(page, "acme", "sso-alice@acme.test");
  const state = callback.searchParams.get("state")!;

  // 1. Tampered state: the proxy refuses (400), no redirect anywhere.
  const tampered = new URL(callback);
  tampered.searchParams.set("state", `${state.slice(0, -4)}${state.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`);
  const tamperedResponse = await page.goto(tampered.toString());
  expect(tamperedResponse?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "Sign-in failed" })).toBeVisible();

  // 2. The same code + state presented on globex's own callback: no session there.
  await page.goto(tenantUrl("globex", `/api/auth/callback/sso${callback.search}`));
  await page.waitForURL((url) => url.host === "globex.localhost:3000" && url.pathname === "/signin");
  expect(new URL(page.url()).searchParams.get("error")).not.toBeNull();
  expect((await readMe(page)).status).toBe(401);

  // 3. The genuine callback still works once (on acme only)...
  await page.goto(callback.toString());
  await page.waitForURL(tenantUrl("acme", "/"));
  expect((await readMe(page)).body.user?.email).toBe("sso-alice@acme.test");
  // ...and replaying it is refused (state cookie consumed, code already used).
  await page.goto(callback.toString());
  await page.waitForURL((url) => url.host === "acme.localhost:3000" && url.pathname === "/signin");
  expect(new URL(page.url()).searchParams.get("error")).not.toBeNull();
});

test("a foreign redirect target is never followed: callbackUrl stays on the tenant host; the proxy host serves nothing else", async ({
  page,
}) => {
  await page.goto(tenantUrl("acme", "/signin"));
  const start = await page.evaluate(async () => {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await fetch("/api/auth/signin/sso", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "https://evil.example.com/steal" }),
    });
    return (await response.json()) as { url: string };
  });
  expect(new URL(start.url).origin).toBe(IDP);
  expect(new URL(start.url).searchParams.get("redirect_uri")).toBe(`http://${PROXY_HOST}/api/auth/callback/sso`);
  await page.goto(start.url);
  await page.getByLabel("Email").fill("sso-alice@acme.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.host === "acme.localhost:3000");
  expect(new URL(page.url()).host).toBe("acme.localhost:3000");

  const root = await page.goto(`http://${PROXY_HOST}/`);
  expect(root?.status()).toBe(404);
  const noState = await page.goto(`http://${PROXY_HOST}/api/auth/callback/sso?code=x`);
  expect(noState?.status()).toBe(400);
});

test("a disabled user is refused on SSO sign-in, and SSO sessions are ours (revoked with the user)", async ({
  page,
  browser,
}) => {
  await signInWithSso(page, "acme", "sso-bob@acme.test");
  await page.waitForURL(tenantUrl("acme", "/"));
  const me = await readMe(page);
  expect(me.status).toBe(200);
  const members = await callOperatorApi(
    `/api/v1/tenants/acme/members?q=${encodeURIComponent("sso-bob@acme.test")}`,
    "GET",
  );
  const bob = (members.json as { members: { id: string; email: string }[] }).members.find(
    (m) => m.email === "sso-bob@acme.test",
  )!;
  expect((await callOperatorApi(`/api/v1/tenants/acme/members/${bob.id}`, "PATCH", { disabled: true })).status).toBe(
    200,
  );
  try {
    // The console's revocation reaches the tenant app through each instance's snapshot: the
    // contract is ≤ 1 s (provision-and-revoke.spec.ts times it; `pnpm bench:http` measures it),
    // so poll rather than expect the very next request to be refused; 2 s leaves room on a busy CI.
    await expect.poll(async () => (await readMe(page)).status, { timeout: 2_000, intervals: [50] }).toBe(401);
    const fresh = await browser.newPage();
    await signInWithSso(fresh, "acme", "sso-bob@acme.test");
    await fresh.waitForURL((url) => url.host === "acme.localhost:3000" && url.pathname === "/signin");
    await expect(fresh.getByTestId("signin-error")).toContainText("has been disabled");
    await fresh.close();
  } finally {
    await callOperatorApi(`/api/v1/tenants/acme/members/${bob.id}`, "PATCH", { disabled: false });
  }
});
