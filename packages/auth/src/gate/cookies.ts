// Minimal cookie read/write for the session cookie. Edge-safe.

/** The value of cookie `name` in a Cookie header, or null. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  let from = 0;
  while (from < header.length) {
    const at = header.indexOf(name, from);
    if (at === -1) return null;
    const before = at === 0 ? 32 : header.charCodeAt(at - 1);
    const eq = at + name.length;
    if ((before === 32 || before === 59) && header.charCodeAt(eq) === 61 /* = */) {
      const end = header.indexOf(";", eq);
      return header.slice(eq + 1, end === -1 ? undefined : end).trim() || null;
    }
    from = eq;
  }
  return null;
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
  return { name, value, maxAge, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Host-") || name.startsWith("__Secure-"), path: "/" };
}

/** `Set-Cookie` header value for a session cookie. */
export function serializeSessionCookie(cookie: SessionCookie): string {
  return `${cookie.name}=${cookie.value}; Path=/; Max-Age=${cookie.maxAge}; HttpOnly; SameSite=Lax${cookie.secure ? "; Secure" : ""}`;
}
