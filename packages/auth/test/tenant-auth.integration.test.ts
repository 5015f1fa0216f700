// The Auth.js tenant instance end to end through its route handlers (Auth.js's own endpoints),
// with real argon2, real Redis revocation and injected tenant/user lookups.
import { afterAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createTenantAuth, hashPassword, type AuthUserRecord, type SessionRecord } from "@repo/auth/server";
import { verifySessionToken } from "@repo/auth/token";
import { ACME, ISSUER, makeKeys } from "./fixtures";
import { deletePrefix, realStore } from "./redis-fixtures";
import { loadAuthSettings } from "@repo/auth/settings";

const ROOT = "localhost:3000";
const { keys } = await makeKeys();
const { prefix, store } = realStore();
afterAll(() => deletePrefix(prefix));

const passwordHash = await hashPassword("demo-password-1");
const users: AuthUserRecord[] = [
  { id: "u-member", email: "member@acme.test", name: "Mem Ber", passwordHash, disabled: false },
  { id: "u-off", email: "off@acme.test", name: null, passwordHash, disabled: true },
];
const sessions: SessionRecord[] = [];
const signedOut: string[] = [];

const auth = createTenantAuth({
  resolveTenantFromHost: async (host) => (host === `acme.${ROOT}` ? ACME : null),
  findUserByEmail: async (tenantId, email) =>
    tenantId === ACME.id ? (users.find((u) => u.email === email) ?? null) : null,
  findUserById: async (_t, id) => users.find((u) => u.id === id) ?? null,
  loadRoles: async () => ({ roles: ["member"], customRoles: [] }),
  recordSession: async (s) => void sessions.push(s),
  onSignOut: async (s) => void signedOut.push(s.sid),
  revocation: () => store,
  keys: async () => keys,
  settings: () => ({
    ...loadAuthSettings(),
    issuer: ISSUER,
    secret: "test-secret-".repeat(4),
    secureCookies: false,
    trustForwardedHost: false,
  }),
});

function call(
  path: string,
  init: { method?: string; host?: string; cookies?: string[]; form?: Record<string, string>; xfh?: string } = {},
) {
  const headers = new Headers({ host: init.host ?? `acme.${ROOT}` });
  if (init.cookies?.length) headers.set("cookie", init.cookies.join("; "));
  if (init.xfh) headers.set("x-forwarded-host", init.xfh);
  let body: string | undefined;
  if (init.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(init.form).toString();
  }
  // Next hands route handlers the bind host in req.url, like here.
  const req = new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(body ? { body } : {}),
  });
  return (init.method === "POST" ? auth.handlers.POST : auth.handlers.GET)(req);
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);
const cookieValue = (res: Response, name: string) =>
  cookiesOf(res)
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);

async function signIn(email: string, password: string) {
  const csrfRes = await call("/api/auth/csrf");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  return call("/api/auth/callback/credentials", {
    method: "POST",
    cookies: cookiesOf(csrfRes),
    form: { csrfToken, email, password, callbackUrl: "/projects" },
  });
}

describe("createTenantAuth (Auth.js v5, Credentials, JWS sessions)", () => {
  it("404s an unknown host before Auth.js runs", async () => {
    const res = await call("/api/auth/csrf", { host: "evil.localhost:3000" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "tenant_not_found" } });
  });

  it("signs in on the tenant host: JWS cookie (not JWE), tenant URLs, session recorded", async () => {
    const res = await signIn("Member@Acme.test", "demo-password-1");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`http://acme.${ROOT}/projects`);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("repo.session="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Domain=/i);
    const token = cookieValue(res, "repo.session")!;
    expect(token.split(".")).toHaveLength(3);
    const verified = await verifySessionToken(token, keys, { issuer: ISSUER, audience: ACME.id });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.claims).toMatchObject({ sub: "u-member", tid: ACME.id, roles: ["member"] });
    expect(verified.claims.permissions).toContain("projects:write");
    expect(sessions.at(-1)).toMatchObject({ tenantId: ACME.id, userId: "u-member", sid: verified.claims.sid });

    // Auth.js's session endpoint (re-signs tokens, clears cookies on a slow store) is not served.
    const sessionRes = await call("/api/auth/session", { cookies: [`repo.session=${token}`] });
    expect(sessionRes.status).toBe(404);
    expect(sessionRes.headers.getSetCookie()).toEqual([]);
    expect(await sessionRes.json()).toMatchObject({ error: { code: "not_found" } });

    // Sign-out revokes server-side: the old cookie is dead even if replayed.
    const csrfRes = await call("/api/auth/csrf");
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    await call("/api/auth/signout", {
      method: "POST",
      cookies: [...cookiesOf(csrfRes), `repo.session=${token}`],
      form: { csrfToken },
    });
    expect(signedOut).toContain(verified.claims.sid);
    expect(await store.check(verified.claims)).toMatchObject({ revoked: true, reason: "session" });
  });

  it.each([
    ["junk value first", (t: string) => [`repo.session=ATTACKER`, `repo.session=${t}`]],
    ["the RFC pair trick", (t: string) => [`z=1 repo.session=ATTACKER`, `repo.session=${t}`]],
    ["a tampered copy first", (t: string) => [`repo.session=${t.slice(0, -4)}AAAA`, `repo.session=${t}`]],
  ])("sign-out with a tossed duplicate (%s) revokes the real session", async (_name, cookies) => {
    const res = await signIn("member@acme.test", "demo-password-1");
    const token = cookieValue(res, "repo.session")!;
    const verified = await verifySessionToken(token, keys, { issuer: ISSUER, audience: ACME.id });
    if (!verified.ok) throw new Error(verified.code);
    const csrfRes = await call("/api/auth/csrf");
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    await call("/api/auth/signout", {
      method: "POST",
      cookies: [...cookiesOf(csrfRes), ...cookies(token)],
      form: { csrfToken },
    });
    expect(signedOut).toContain(verified.claims.sid);
    expect(await store.check(verified.claims)).toMatchObject({ revoked: true, reason: "session" });
  });

  it("refuses a wrong password and a disabled user without issuing a session", async () => {
    const wrong = await signIn("member@acme.test", "nope");
    expect(wrong.headers.get("location")).toContain("error=CredentialsSignin");
    expect(cookieValue(wrong, "repo.session")).toBeUndefined();
    const disabled = await signIn("off@acme.test", "demo-password-1");
    expect(disabled.headers.get("location")).toContain("code=account_disabled");
    expect(cookieValue(disabled, "repo.session")).toBeUndefined();
  });

  it("ignores X-Forwarded-Host when building URLs (not trusted)", async () => {
    const res = await call("/api/auth/csrf", { xfh: "evil.example" });
    expect(res.status).toBe(200);
    const signin = await call("/api/auth/signin", { xfh: "evil.example" });
    expect(signin.headers.get("location") ?? "").not.toContain("evil.example");
  });

  it("refreshClaims re-signs with fresh roles, same sid and auth_time", async () => {
    const res = await signIn("member@acme.test", "demo-password-1");
    const token = cookieValue(res, "repo.session")!;
    const before = await verifySessionToken(token, keys, { issuer: ISSUER, audience: ACME.id });
    if (!before.ok) throw new Error(before.code);
    const fresh = await auth.refreshClaims(before.claims);
    const after = await verifySessionToken(fresh, keys, { issuer: ISSUER, audience: ACME.id });
    expect(after.ok && after.claims).toMatchObject({
      sid: before.claims.sid,
      auth_time: before.claims.auth_time,
      sub: "u-member",
    });
    expect(after.ok && after.claims.cat).toBeGreaterThanOrEqual(before.claims.cat);
  });
});
