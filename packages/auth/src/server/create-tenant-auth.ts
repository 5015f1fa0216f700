// The tenant-app Auth.js instance: users of the tenant addressed by the validated Host.
// Node (Next server). aud = tid = tenant id.
import { resolvePermissions } from "../rbac/index";
import type { SessionClaims } from "../token/index";
import { buildAuthInstance, type AuthContext } from "./build-auth";
import { createSessionHelpers } from "./session-helpers";
import type { TenantAuthDeps } from "./types";

export function createTenantAuth(deps: TenantAuthDeps) {
  const resolveContext = async (host: string | null): Promise<AuthContext | null> => {
    const tenant = host ? await deps.resolveTenantFromHost(host) : null;
    return tenant ? { tenant, audience: tenant.id } : null;
  };
  const loadAccess = async (ctx: AuthContext, user: { id: string }) => {
    const { roles, customRoles } = await deps.loadRoles(ctx.tenant.id, user.id);
    return { roles, permissions: resolvePermissions(roles, customRoles ?? []) };
  };
  const instance = buildAuthInstance({
    kind: "tenant",
    deps,
    resolveContext,
    findUser: (ctx, email) => deps.findUserByEmail(ctx.tenant.id, email),
    ...(deps.findUserById
      ? { findUserById: (ctx: AuthContext, id: string) => deps.findUserById!(ctx.tenant.id, id) }
      : {}),
    loadAccess,
    ...(deps.sso ? { sso: deps.sso } : {}),
    ...(deps.emailSignIn ? { emailSignIn: deps.emailSignIn } : {}),
  });

  /**
   * The gate's `refreshClaims` hook: re-reads the user's roles and re-signs the token with the
   * same sid/auth_time (no sign-out). null when the user is gone or disabled (sign in again).
   */
  async function refreshClaims(claims: SessionClaims): Promise<string | null> {
    const rt = await instance.runtime();
    const ctx: AuthContext = { tenant: { id: claims.tid, slug: "", name: "", status: "active" }, audience: claims.tid };
    const fresh = await instance.reloadClaims(ctx, claims);
    if (!fresh) return null;
    const { iss: _iss, aud: _aud, iat: _iat, exp: _exp, ...rest } = fresh;
    return instance.signFor(rt, rest, claims.tid);
  }

  const helpers = createSessionHelpers(instance, resolveContext);
  const { handlers, auth, signIn, signOut } = { ...instance.nextAuth, handlers: instance.handlers };
  return {
    handlers,
    signInGuard: instance.signInGuard,
    auth,
    signIn,
    signOut,
    refreshClaims,
    ...helpers,
    /** The Auth.js secret in effect: the SSO redirect proxy decrypts OAuth `state` with it. */
    getAuthJsSecret: async () => (await instance.runtime()).secret,
    /** Session cookie name in effect (for the gate). */
    getCookieName: async () => (await instance.runtime()).cookieName,
  };
}

export type TenantAuth = ReturnType<typeof createTenantAuth>;
