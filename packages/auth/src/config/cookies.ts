// Cookie names of the two Auth.js instances. Edge-safe. Host-only (never a Domain attribute),
// `__Host-` when served over HTTPS, distinct per instance so the admin app (localhost:3001) and
// the web app (localhost:3000) never clobber each other's cookies on a shared host name.

export type AuthInstanceKind = "tenant" | "operator";

const BASE = { tenant: "repo", operator: "repo-admin" } as const;

/** All cookie names for an instance. */
export function authCookieNames(kind: AuthInstanceKind, secure: boolean) {
  const p = secure ? "__Host-" : "";
  const base = BASE[kind];
  return {
    sessionToken: `${p}${base}.session`,
    csrfToken: `${p}${base}.csrf`,
    callbackUrl: `${p}${base}.callback-url`,
    /** OWASP device cookie: a browser that signed in before keeps its own sign-in budget. */
    device: `${p}${base}.device`,
  };
}

/** The session cookie name the gate must read. */
export function sessionCookieName(kind: AuthInstanceKind, secure: boolean): string {
  return authCookieNames(kind, secure).sessionToken;
}
