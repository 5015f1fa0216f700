// Session cookie read/write. Edge-safe. Reading uses the standard `cookie` parser (RFC 6265
// pairs, so `z=1 repo.session=X` is one cookie named `z`) and returns EVERY value a name has:
// a sibling subdomain can toss a duplicate (`Domain=` cookie, longer `Path`) that the browser
// sends first, and it must neither replace nor clear the real session.
import { parseCookie } from "cookie";

/** At most this many same-name values are considered (a header stuffed with more is refused). */
export const MAX_SESSION_COOKIE_CANDIDATES = 4;

/**
 * Every distinct value of cookie `name` in a Cookie header, in header order (at most
 * MAX_SESSION_COOKIE_CANDIDATES; empty values skipped; values are not URI-decoded). The parser
 * keeps the first value of a name and skips values its decoder rejects, so each pass rejects the
 * values already found.
 */
export function readCookieValues(header: string | null, name: string): string[] {
  const at = header ? header.indexOf(name) : -1;
  if (at === -1) return [];
  // The name occurs once in the header (the usual case): one pass finds its only value.
  const passes = header!.includes(name, at + name.length) ? MAX_SESSION_COOKIE_CANDIDATES : 1;
  const found: string[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const value = parseCookie(header!, { decode: (v) => (v && !found.includes(v) ? v : undefined) })[name];
    if (!value || found.includes(value)) break;
    found.push(value);
  }
  return found;
}

/** The first value of cookie `name` (RFC 6265 order), or null. Prefer `readCookieValues` for sessions. */
export function readCookie(header: string | null, name: string): string | null {
  return readCookieValues(header, name)[0] ?? null;
}

export type SessionCookie = {
  name: string;
  value: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
};

/** The session cookie attributes: host-only (no Domain), HttpOnly, SameSite=Lax, Path=/. */
export function sessionCookie(name: string, value: string, maxAge: number): SessionCookie {
  return {
    name,
    value,
    maxAge,
    httpOnly: true,
    sameSite: "lax",
    secure: name.startsWith("__Host-") || name.startsWith("__Secure-"),
    path: "/",
  };
}

/** `Set-Cookie` header value for a session cookie. */
export function serializeSessionCookie(cookie: SessionCookie): string {
  return `${cookie.name}=${cookie.value}; Path=/; Max-Age=${cookie.maxAge}; HttpOnly; SameSite=Lax${cookie.secure ? "; Secure" : ""}`;
}
