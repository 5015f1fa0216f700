// Disable/demote races: a sign-in (or a claims refresh) reads the user's state while an operator
// disables (demotes) them and writes the epoch (stale marker). The stamps are taken before the
// reads, from the revocation store's clock, so the token that comes out is dead (stale) anyway.
// Each race is forced deterministically: the read blocks until the operator's change committed.
import { afterAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createTenantAuth, hashPassword, type AuthUserRecord } from "@repo/auth/server";
import { verifySessionToken } from "@repo/auth/token";
import { ACME, ISSUER, makeKeys } from "./fixtures";
import { deletePrefix, realStore } from "./redis-fixtures";
import { loadAuthSettings } from "@repo/auth/settings";

const ROOT = "localhost:3000";
const { keys } = await makeKeys();
const { prefix, store } = realStore();
afterAll(() => deletePrefix(prefix));

const passwordHash = await hashPassword("demo-password-1");
const users = new Map<string, AuthUserRecord>();
const roles = new Map<string, string[]>();
/** Runs inside a read, after the value was read and before it is returned (the race window). */
let duringRead: (() => Promise<void>) | null = null;
const race = async () => {
  const hook = duringRead;
  duringRead = null;
  await hook?.();
};

const auth = createTenantAuth({
  resolveTenantFromHost: async (host) => (host === `acme.${ROOT}` ? ACME : null),
  findUserByEmail: async (_t, email) => {
    const user = [...users.values()].find((u) => u.email === email) ?? null;
    const snapshot = user ? { ...user } : null;
    await race();
    return snapshot;
  },
  findUserById: async (_t, id) => (users.get(id) ? { ...users.get(id)! } : null),
  loadRoles: async (_t, userId) => {
    const read = [...(roles.get(userId) ?? [])];
    await race();
    return { roles: read, customRoles: [] };
  },
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

function call(path: string, init: { method?: string; cookies?: string[]; form?: Record<string, string> } = {}) {
  const headers = new Headers({ host: `acme.${ROOT}` });
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

async function signIn(email: string): Promise<string | undefined> {
  const csrfRes = await call("/api/auth/csrf");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await call("/api/auth/callback/credentials", {
    method: "POST",
    cookies: cookiesOf(csrfRes),
    form: { csrfToken, email, password: "demo-password-1", callbackUrl: "/" },
  });
  return cookiesOf(res)
    .find((c) => c.startsWith("repo.session="))
    ?.slice("repo.session=".length);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("disable/demote races (stamps taken before the reads, one clock)", () => {
  it("a user disabled while signing in gets a token that is refused on its first check", async () => {
    const id = `u-race-${crypto.randomUUID()}`;
    users.set(id, { id, email: `${id}@acme.test`, name: null, passwordHash, disabled: false });
    roles.set(id, ["member"]);
    duringRead = async () => {
      // The operator disables the user and writes the user epoch while the sign-in holds the
      // "not disabled" row; the wait puts the rest of the sign-in in a later second.
      users.get(id)!.disabled = true;
      await store.revokeUser(ACME.id, id);
      await sleep(1_100);
    };
    const token = await signIn(`${id}@acme.test`);
    expect(token, "the sign-in read 'not disabled', so a token is issued").toBeTruthy();
    const verified = await verifySessionToken(token, keys, { issuer: ISSUER, audience: ACME.id });
    if (!verified.ok) throw new Error(verified.code);
    expect(await store.check(verified.claims)).toMatchObject({ revoked: true, reason: "user" });
  });

  it("a user demoted while their claims are refreshed keeps a stale token (re-read again, never the old role)", async () => {
    const id = `u-demote-${crypto.randomUUID()}`;
    users.set(id, { id, email: `${id}@acme.test`, name: null, passwordHash, disabled: false });
    roles.set(id, ["admin"]);
    const token = await signIn(`${id}@acme.test`);
    const before = await verifySessionToken(token, keys, { issuer: ISSUER, audience: ACME.id });
    if (!before.ok) throw new Error(before.code);
    duringRead = async () => {
      roles.set(id, ["viewer"]);
      await store.markClaimsStale(ACME.id, id);
      await sleep(50);
    };
    const refreshed = await auth.refreshClaims(before.claims);
    const after = await verifySessionToken(refreshed, keys, { issuer: ISSUER, audience: ACME.id });
    if (!after.ok) throw new Error(after.code);
    expect(after.claims.roles, "the refresh read the old role").toEqual(["admin"]);
    expect(await store.check(after.claims)).toMatchObject({ revoked: false, stale: true });
    // The next refresh reads the committed demotion and is no longer stale.
    const again = await verifySessionToken(await auth.refreshClaims(after.claims), keys, {
      issuer: ISSUER,
      audience: ACME.id,
    });
    if (!again.ok) throw new Error(again.code);
    expect(again.claims.roles).toEqual(["viewer"]);
    expect(await store.check(again.claims)).toEqual({ revoked: false, stale: false });
  });
});
