// Server-side session checks for the data layer: `requireSession()` / `requirePermission()`.
// The proxy is the fast path, not the only line of defence: these re-verify the cookie with
// THE verify function + revocation and match the token tenant to the Host's tenant. Cached
// per request with React `cache`. Node (Next server: route handlers, RSC, server actions).
import { cache } from "react";
import { headers as nextHeaders } from "next/headers";
import { can, normalizePermissions, type Permission } from "../rbac/index";
import { readCookieValues } from "../gate/index";
import type { SessionClaims } from "../token/index";
import type { AuthContext, AuthInstance } from "./build-auth";
import { PermissionDeniedError, RevocationUnavailableError, SessionRequiredError, TenantNotFoundError } from "./errors";
import { readRequestHost } from "./request-context";

export type ServerSession = {
  user: { id: string; email: string | null; name: string | null };
  tenant: { id: string; slug: string; name: string };
  roles: string[];
  permissions: Permission[];
  sessionId: string;
  claims: SessionClaims;
};

type Resolve = (host: string | null) => Promise<AuthContext | null>;

/** Normalized once per verified claims object (the verified-token cache hands out the same one). */
const permissionsOf = new WeakMap<SessionClaims, Permission[]>();

export function createSessionHelpers(instance: AuthInstance, resolveContext: Resolve) {
  /** The verified session of a request with these headers, or null. Throws only for 404/503 conditions. */
  async function readSession(headers: Headers): Promise<ServerSession | null> {
    const rt = await instance.runtime();
    const ctx = await resolveContext(readRequestHost(headers, rt.settings.trustForwardedHost));
    if (!ctx) throw new TenantNotFoundError();
    // Fail closed on any status but "active"; a status on the change log beats the registry cache.
    const status = rt.revocation?.tenantStatus?.(ctx.tenant.id) ?? ctx.tenant.status;
    if (status !== "active") return null;
    // Every value of the session cookie (a tossed duplicate must not hide the real session).
    const verified = await instance.verifyForContext(rt, ctx, readCookieValues(headers.get("cookie"), rt.cookieName));
    if (!verified.ok && verified.unavailable) throw new RevocationUnavailableError();
    const claims = verified.ok ? verified.claims : undefined;
    if (!claims) return null;
    let permissions = permissionsOf.get(claims);
    if (!permissions) {
      permissions = normalizePermissions(claims.permissions);
      permissionsOf.set(claims, permissions);
    }
    return {
      user: { id: claims.sub, email: claims.email ?? null, name: claims.name ?? null },
      tenant: { id: ctx.tenant.id, slug: ctx.tenant.slug, name: ctx.tenant.name },
      roles: claims.roles,
      permissions,
      sessionId: claims.sid,
      claims,
    };
  }

  /**
   * The verified session of the current request, or null. Pages, layouts and Server Actions
   * call it without arguments (the request's headers, once per render); a route handler passes
   * its `request` — the same check, without asking Next for the headers it already holds.
   */
  const getPageSession = cache(async (): Promise<ServerSession | null> => readSession(await nextHeaders()));
  const getSession = (request?: Request): Promise<ServerSession | null> =>
    request ? readSession(request.headers) : getPageSession();

  /** The verified session, or throws SessionRequiredError (401). */
  async function requireSession(request?: Request): Promise<ServerSession> {
    const session = await getSession(request);
    if (!session) throw new SessionRequiredError();
    return session;
  }

  /** The verified session holding `permission`, or throws (401 / 403 PermissionDeniedError). */
  async function requirePermission(permission: Permission, request?: Request): Promise<ServerSession> {
    const session = await requireSession(request);
    if (!can(session, permission)) throw new PermissionDeniedError(permission);
    return session;
  }

  return { getSession, requireSession, requirePermission };
}
