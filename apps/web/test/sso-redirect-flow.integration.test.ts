// The whole IdP sign-in through the real route handlers, the real dev IdP (oidc-provider, on a
// free port) and real Postgres/Redis — no server on :3000 needed: the browser is a cookie jar
// per host. tenant host → IdP → the one callback on auth.localhost:3000 (redirect proxy) →
// tenant callback → our session cookie; plus the replays and refusals around it.
import { createServer } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSsoSecretKey, sealClientSecret } from "@repo/auth/sso";
import { ssoConnection } from "@repo/db/tenant";
import { devPlatformClient, startOidcDevProvider, type RunningOidcDevProvider } from "@repo/oidc-dev-provider";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { startTestPlatform, type SeededTenant } from "./support/test-platform";
import { getTenantDb } from "@/server/web-root";

const PROXY_HOST = "auth.localhost:3000";
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let alpha: SeededTenant;
let beta: SeededTenant;
let idp: RunningOidcDevProvider;
const client = devPlatformClient("localhost:3000");

/** One cookie jar per host, like a browser (all cookies here are host-only). */
const jar = new Map<string, Map<string, string>>();
const cookieHeader = (host: string) =>
  [...(jar.get(host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join("; ");
function store(host: string, response: Response) {
  const cookies = jar.get(host) ?? new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...rest] = pair!.split("=");
    const value = rest.join("=");
    if (value === "" || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name!);
    else cookies.set(name!, value);
  }
  jar.set(host, cookies);
}

/** GET/POST against the web app's Auth.js route on `host` (Node cannot resolve *.localhost). */
async function app(
  host: string,
  pathAndQuery: string,
  init: { method?: "GET" | "POST"; form?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { host, cookie: cookieHeader(host) };
  let body: string | undefined;
  if (init.form) {
    headers.origin = `http://${host}`;
    headers["content-type"] = "application/x-www-form-urlencoded";
    headers["x-auth-return-redirect"] = "1";
    body = new URLSearchParams(init.form).toString();
  }
  const request = new NextRequest(`http://localhost:3000${pathAndQuery}`, {
    method: init.method ?? "GET",
    headers,
    ...(body ? { body } : {}),
  });
  const response = await (init.method === "POST" ? POST(request) : GET(request));
  store(host, response);
  return response;
}

async function idpFetch(url: string, init: RequestInit = {}) {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader("idp") },
  });
  store("idp", response);
  return response;
}

/** Starts SSO on `tenantHost` and signs in at the IdP; returns the IdP's redirect to the shared callback. */
async function signInAtIdp(tenantHost: string, email: string, callbackUrl = "/projects"): Promise<URL> {
  jar.delete("idp");
  const { csrfToken } = (await (await app(tenantHost, "/api/auth/csrf")).json()) as { csrfToken: string };
  const started = await app(tenantHost, "/api/auth/signin/sso", { method: "POST", form: { csrfToken, callbackUrl } });
  const { url } = (await started.json()) as { url: string };
  expect(new URL(url).searchParams.get("redirect_uri")).toBe(`http://${PROXY_HOST}/api/auth/callback/sso`);
  const toLogin = await idpFetch(url);
  const loginUrl = new URL(toLogin.headers.get("location")!, idp.issuer).toString();
  const posted = await idpFetch(loginUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "demo-password-1" }),
  });
  const resumed = await idpFetch(new URL(posted.headers.get("location")!, idp.issuer).toString());
  return new URL(resumed.headers.get("location")!);
}

const pathOf = (url: URL) => `${url.pathname}${url.search}`;
const sessionClaims = (host: string) => {
  const token = jar.get(host)?.get("repo.session");
  return token
    ? (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>)
    : null;
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  platform = await startTestPlatform();
  ({ alpha, beta } = platform);
  const port = await freePort();
  idp = await startOidcDevProvider({
    port,
    issuer: `http://localhost:${port}`,
    clients: [client],
    users: [
      {
        sub: "s-alice",
        email: `alice@${alpha.tenant.slug}.test`,
        emailVerified: true,
        name: "Alice",
        password: "demo-password-1",
      },
      {
        sub: "s-eve",
        email: `eve@${alpha.tenant.slug}.test`,
        emailVerified: false,
        name: "Eve",
        password: "demo-password-1",
      },
    ],
  });
  const key = await getSsoSecretKey();
  for (const [tenant, domains] of [
    [alpha, [`${alpha.tenant.slug}.test`]],
    [beta, ["beta-only.test"]],
  ] as const) {
    await getTenantDb(tenant.tenant.id)
      .insert(ssoConnection)
      .values({
        issuer: idp.issuer,
        clientId: client.clientId,
        clientSecretEncrypted: await sealClientSecret(client.clientSecret, key, tenant.tenant.id),
        domains: [...domains],
        defaultRoles: ["member"],
      });
  }
}, 120_000);

afterAll(async () => {
  await idp?.stop();
  await platform?.cleanup();
});

describe("SSO through the shared callback", () => {
  it("tenant → IdP → auth host → tenant callback → signed in with our session (JIT member)", async () => {
    const callback = await signInAtIdp(alpha.host, `alice@${alpha.tenant.slug}.test`);
    expect(callback.host).toBe(PROXY_HOST);
    const forwarded = await app(PROXY_HOST, pathOf(callback));
    expect(forwarded.status).toBe(302);
    expect(forwarded.headers.getSetCookie()).toEqual([]);
    const target = new URL(forwarded.headers.get("location")!);
    expect(`${target.host}${target.pathname}`).toBe(`${alpha.host}/api/auth/callback/sso`);

    const landed = await app(alpha.host, pathOf(target));
    expect(landed.status).toBe(302);
    expect(landed.headers.get("location")).toBe(`http://${alpha.host}/projects`);
    expect(sessionClaims(alpha.host)).toMatchObject({
      tid: alpha.tenant.id,
      aud: alpha.tenant.id,
      email: `alice@${alpha.tenant.slug}.test`,
      roles: ["member"],
    });

    // Replaying the same callback: the proxy still forwards (state decrypts), the tenant refuses.
    const replay = await app(
      alpha.host,
      pathOf(new URL((await app(PROXY_HOST, pathOf(callback))).headers.get("location")!)),
    );
    expect(new URL(replay.headers.get("location")!).pathname).toBe("/signin");
    expect(new URL(replay.headers.get("location")!).searchParams.get("error")).not.toBeNull();
  });

  it("a state started on alpha is refused on beta's callback (no session there)", async () => {
    const callback = await signInAtIdp(alpha.host, `alice@${alpha.tenant.slug}.test`);
    jar.delete(beta.host);
    await app(beta.host, "/api/auth/csrf"); // beta has its own cookies, just not alpha's state
    const onBeta = await app(beta.host, pathOf(callback));
    const location = new URL(onBeta.headers.get("location")!);
    expect(`${location.host}${location.pathname}`).toBe(`${beta.host}/signin`);
    expect(sessionClaims(beta.host)).toBeNull();
  });

  it("the same IdP user is refused on beta (domain not verified there)", async () => {
    jar.delete(beta.host);
    const callback = await signInAtIdp(beta.host, `alice@${alpha.tenant.slug}.test`);
    const target = new URL((await app(PROXY_HOST, pathOf(callback))).headers.get("location")!);
    expect(target.host).toBe(beta.host);
    const refused = new URL((await app(beta.host, pathOf(target))).headers.get("location")!);
    expect(refused.pathname).toBe("/signin");
    expect(refused.searchParams.get("code")).toBe("sso_domain_not_allowed");
    expect(sessionClaims(beta.host)).toBeNull();
  });

  it("an email the IdP did not verify is refused", async () => {
    jar.delete(alpha.host);
    const callback = await signInAtIdp(alpha.host, `eve@${alpha.tenant.slug}.test`);
    const target = new URL((await app(PROXY_HOST, pathOf(callback))).headers.get("location")!);
    const refused = new URL((await app(alpha.host, pathOf(target))).headers.get("location")!);
    expect(refused.searchParams.get("code")).toBe("sso_email_unverified");
    expect(sessionClaims(alpha.host)).toBeNull();
  });

  it("the proxy host serves only the callback and never redirects a tampered state", async () => {
    const callback = await signInAtIdp(alpha.host, `alice@${alpha.tenant.slug}.test`);
    const state = callback.searchParams.get("state")!;
    callback.searchParams.set("state", `${state.slice(0, -4)}${state.endsWith("AAAA") ? "BBBB" : "AAAA"}`);
    const tampered = await app(PROXY_HOST, pathOf(callback));
    expect(tampered.status).toBe(400);
    expect(tampered.headers.get("location")).toBeNull();
    expect((await app(PROXY_HOST, "/api/auth/session")).status).toBe(404);
    expect((await app(PROXY_HOST, "/api/auth/csrf")).status).toBe(404);
  });

  it("an unreachable IdP sends the user back to the sign-in page with an error, never a 500", async () => {
    await idp.stop();
    jar.delete(alpha.host);
    const { csrfToken } = (await (await app(alpha.host, "/api/auth/csrf")).json()) as { csrfToken: string };
    const started = await app(alpha.host, "/api/auth/signin/sso", {
      method: "POST",
      form: { csrfToken, callbackUrl: "/" },
    });
    expect(started.status).toBe(200);
    const { url } = (await started.json()) as { url: string };
    expect(new URL(url).host).toBe(alpha.host);
    expect(new URL(url).pathname).toBe("/signin");
    expect(new URL(url).searchParams.get("error")).not.toBeNull();
  });
});
