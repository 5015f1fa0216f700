// The dev IdP is a real OIDC provider: discovery, its login page, code + PKCE exchange and an
// ID token that carries email/email_verified — exercised over HTTP like the platform does.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devPlatformClient, startOidcDevProvider, type RunningOidcDevProvider } from "@repo/oidc-dev-provider";

const client = devPlatformClient("localhost:3000");
const redirectUri = client.redirectUris[0]!;
let idp: RunningOidcDevProvider;
let issuer: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://localhost:${port}`;
  idp = await startOidcDevProvider({ port, issuer, clients: [client] });
});
afterAll(() => idp.stop());

/** Drives the browser part of the flow with a tiny cookie jar; returns the callback URL. */
async function signInAt(email: string, password: string) {
  const jar: string[] = [];
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(url, issuer), {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: jar.join("; ") },
    });
    for (const cookie of response.headers.getSetCookie()) jar.push(cookie.split(";")[0]!);
    return response;
  };
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const authorize = new URL("/auth", issuer);
  authorize.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: "code",
    scope: "openid email profile",
    redirect_uri: redirectUri,
    state: "state-1",
    nonce: "nonce-1",
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  const toLogin = await go(authorize.toString());
  const loginUrl = toLogin.headers.get("location")!;
  const page = await go(loginUrl);
  const html = await page.text();
  const posted = await go(loginUrl, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  return { html, posted, verifier, go };
}

describe("oidc dev provider", () => {
  it("publishes discovery with S256 PKCE", async () => {
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.code_challenge_methods_supported).toContain("S256");
  });

  it("signs a user in through its own page and issues an ID token with a verified email", async () => {
    const { html, posted, verifier, go } = await signInAt("sso-alice@acme.test", "demo-password-1");
    expect(html).toContain("Dev identity provider");
    const back = await go(posted.headers.get("location")!);
    const callback = new URL(back.headers.get("location")!);
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get("state")).toBe("state-1");
    const token = await fetch(`${issuer}/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: callback.searchParams.get("code")!,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    });
    expect(token.status).toBe(200);
    const { id_token: idToken } = (await token.json()) as { id_token: string };
    const claims = JSON.parse(Buffer.from(idToken.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      iss: issuer,
      aud: client.clientId,
      email: "sso-alice@acme.test",
      email_verified: true,
      nonce: "nonce-1",
    });
  });

  it("refuses a wrong password on its login page", async () => {
    const { posted } = await signInAt("sso-alice@acme.test", "wrong-password");
    expect(posted.status).toBe(401);
    expect(await posted.text()).toContain("Wrong email or password.");
  });
});
