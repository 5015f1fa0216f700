// @repo/auth/config — the edge-safe half of the Auth.js split: session strategy, pages,
// cookies and callbacks that need no database. No adapter, no providers, no driver imports.
// `createTenantAuth`/`createOperatorAuth` (`@repo/auth/server`) extend it with Credentials.
import type { NextAuthConfig } from "next-auth";
import { sameOriginRedirect } from "../callback-url/index";
import { authCookieNames, type AuthInstanceKind } from "./cookies";

export { authCookieNames, sessionCookieName, type AuthInstanceKind } from "./cookies";

/** The edge-safe Auth.js config for an instance kind. */
export function createAuthConfig(
  kind: AuthInstanceKind,
  options: { secure: boolean; sessionMaxAge: number },
): NextAuthConfig {
  const names = authCookieNames(kind, options.secure);
  const cookieOptions = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: options.secure };
  return {
    providers: [],
    trustHost: true, // the host is validated by us before Auth.js sees the request
    useSecureCookies: options.secure,
    session: { strategy: "jwt", maxAge: options.sessionMaxAge },
    pages: { signIn: "/signin", error: "/signin" },
    cookies: {
      sessionToken: { name: names.sessionToken, options: cookieOptions },
      csrfToken: { name: names.csrfToken, options: cookieOptions },
      callbackUrl: { name: names.callbackUrl, options: cookieOptions },
    },
    callbacks: { redirect: sameOriginRedirect },
  };
}

/** The default (tenant, plain-HTTP) edge config, for code that just needs the shape. */
export const authConfig: NextAuthConfig = createAuthConfig("tenant", { secure: false, sessionMaxAge: 8 * 60 * 60 });
