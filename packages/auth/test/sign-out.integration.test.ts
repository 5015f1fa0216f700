// Sign-out must revoke the session server-side, or say it did not. Auth.js swallows errors
// thrown by `events.signOut` and clears the cookie anyway, and its `decode` (which also checks
// revocation) yields no token when the store can't answer: either way the user would be told
// "signed out" while a stolen copy of the cookie stays valid. Real Redis through the bridge.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createTenantAuth, hashPassword, type AuthUserRecord } from "@repo/auth/server";
import type { RevocationStore } from "@repo/auth/revocation";
import { verifySessionToken, type SessionClaims } from "@repo/auth/token";
import { ACME, GLOBEX, ISSUER, makeKeys, mintSession } from "./fixtures";
import { deletePrefix, realStore } from "./redis-fixtures";
import { loadAuthSettings } from "@repo/auth/settings";

const ROOT = "localhost:3000";
const { keys } = await makeKeys();
const { prefix, store } = realStore();
afterAll(() => deletePrefix(prefix));

// The real store, with switchable faults: the read (check) times out, or the write fails.
const faults = { checkUnavailable: false, revokeFails: false };
const flaky: RevocationStore = {
  ...store,
  check: (claims) =>
    faults.checkUnavailable
      ? Promise.resolve({ revoked: true, reason: "unavailable", stale: false, error: "timeout", failMode: "closed" })
      : store.check(claims),
  revokeSession: (tid, sid, exp) =>
    faults.revokeFails ? Promise.reject(new Error("redis down")) : store.revokeSession(tid, sid, exp),
};
beforeEach(() => {
  faults.checkUnavailable = false;
  faults.revokeFails = false;
});

const passwordHash = await hashPassword("demo-password-1");
const member: AuthUserRecord = { id: "u-member", email: "member@acme.test", name: null, passwordHash, disabled: false };

const auth = createTenantAuth({
  resolveTenantFromHost: async (host) => (host === `acme.${ROOT}` ? ACME : host === `globex.${ROOT}` ? GLOBEX : null),
  findUserByEmail: async (tenantId, email) => (tenantId === ACME.id && email === member.email ? member : null),
  loadRoles: async () => ({ roles: ["member"], customRoles: [] }),
  revocation: () => flaky,
  keys: async () => keys,
  settings: () => ({
    ...loadAuthSettings(),
    issuer: ISSUER,
    secret: "test-secret-".repeat(4),
    secureCookies: false,
    trustForwardedHost: false,
  }),
});

function call(path: string, init: { method?: string; cookies?: string[]; form?: Record<string, string> } = {}) {
  const headers = new Headers({ host: `acme.${ROOT}`, "x-auth-return-redirect": "1" });
  if (init.cookies?.length) headers.set("cookie", init.cookies.join("; "));
  let body: string | undefined;
  if (init.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(init.form).toString();
  }
  const req = new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(body ? { body } : {}),
  });
  return (init.method === "POST" ? auth.handlers.POST : auth.handlers.GET)(req);
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

async function csrf() {
  const res = await call("/api/auth/csrf");
  return { cookies: cookiesOf(res), csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function signIn(): Promise<{ token: string; claims: SessionClaims }> {
  const { cookies, csrfToken } = await csrf();
  const res = await call("/api/auth/callback/credentials", {
    method: "POST",
    cookies,
    form: { csrfToken, email: member.email, password: "demo-password-1", callbackUrl: "/" },
  });
  const token = cookiesOf(res)
    .find((c) => c.startsWith("repo.session="))!
    .slice("repo.session=".length);
  const verified = await verifySessionToken(token, keys, { issuer: ISSUER, audience: ACME.id });
  if (!verified.ok) throw new Error(verified.code);
  return { token, claims: verified.claims };
}

async function signOut(token: string) {
  const { cookies, csrfToken } = await csrf();
  return call("/api/auth/signout", {
    method: "POST",
    cookies: [...cookies, `repo.session=${token}`],
    form: { csrfToken },
  });
}

describe("sign-out revokes server-side or fails visibly", () => {
  it("revokes even when the revocation read times out during sign-out (fail-closed decode)", async () => {
    const { token, claims } = await signIn();
    faults.checkUnavailable = true;
    const res = await signOut(token);
    faults.checkUnavailable = false;
    expect(res.status).toBe(200);
    // Redis is back: the old cookie must be dead, not valid again.
    expect(await store.check(claims)).toMatchObject({ revoked: true, reason: "session" });
  });

  it("answers 503 and keeps the cookie when the revocation write fails; a retry then revokes", async () => {
    const { token, claims } = await signIn();
    faults.revokeFails = true;
    const failed = await signOut(token);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ error: { code: "service_unavailable" } });
    expect(failed.headers.getSetCookie().some((c) => c.startsWith("repo.session="))).toBe(false);
    expect(await store.check(claims)).toMatchObject({ revoked: false });

    faults.revokeFails = false;
    const retried = await signOut(token);
    expect(retried.status).toBe(200);
    expect(retried.headers.getSetCookie().some((c) => c.startsWith("repo.session=;"))).toBe(true);
    expect(await store.check(claims)).toMatchObject({ revoked: true, reason: "session" });
  });

  it.each([
    ["another tenant's valid token", () => mintSession(keys, { tid: GLOBEX.id, sid: `victim-${crypto.randomUUID()}` })],
    [
      "a token with a foreign issuer",
      () => mintSession(keys, { sid: `victim-${crypto.randomUUID()}` }, { issuer: "evil" }),
    ],
  ])("never revokes on behalf of %s", async (_name, mint) => {
    const token = await mint();
    const [, payload] = token.split(".");
    const claims = JSON.parse(atob(payload!.replaceAll("-", "+").replaceAll("_", "/"))) as SessionClaims;
    const res = await signOut(token);
    expect(res.status).toBe(200);
    expect(await store.check(claims)).toMatchObject({ revoked: false });
  });
});
