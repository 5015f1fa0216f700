// Server-side session check used by every page, Server Action and route handler that touches
// tenant data (defence in depth: it never trusts the proxy's `x-repo-*` headers). It re-derives
// the tenant from Host, re-verifies the cookie with THE verification function, requires
// token tenant == host tenant and asks the revocation store (fail closed). Cached per request.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { normalizePermissions, type Permission } from "@repo/auth/rbac";
import { verifySessionToken } from "@repo/auth/token";
import { getEnv } from "@/env";
import { getKeySet, getRevocationStore } from "./auth-runtime";
import { getHostTenant } from "./host-tenant";
import { getSessionCookieName } from "./session-cookie";

export type TenantSession = {
  user: { id: string; email: string; name: string };
  tenant: { id: string; slug: string; name: string };
  roles: string[];
  permissions: Permission[];
  sessionId: string;
  /** Token expiry, seconds since the epoch. */
  expiresAt: number;
};

export type SessionFailure = "unauthenticated" | "tenant_not_found" | "tenant_suspended" | "unavailable";

export type SessionResult = { ok: true; session: TenantSession } | { ok: false; failure: SessionFailure };

/** The verified session of this request, or why there is none. Never throws for client input. */
export const readTenantSession = cache(async (): Promise<SessionResult> => {
  const tenant = await getHostTenant();
  if (!tenant || tenant.status === "provisioning" || tenant.status === "deleting") {
    return { ok: false, failure: "tenant_not_found" };
  }
  if (tenant.status === "suspended") return { ok: false, failure: "tenant_suspended" };

  const token = (await cookies()).get(getSessionCookieName())?.value;
  const env = getEnv();
  const verified = await verifySessionToken(token, await getKeySet(), {
    issuer: env.AUTH_ISSUER,
    audience: tenant.id,
    maxSessionAgeSeconds: env.AUTH_ABSOLUTE_SESSION_CAP,
  });
  if (!verified.ok) return { ok: false, failure: "unauthenticated" };
  const { claims } = verified;
  if (claims.tid !== tenant.id) return { ok: false, failure: "unauthenticated" };

  const revocation = await getRevocationStore().check(claims);
  if (revocation.revoked) {
    return { ok: false, failure: revocation.reason === "unavailable" ? "unavailable" : "unauthenticated" };
  }
  // A stale token (role change) is re-issued by the proxy on this same request and the proxy
  // forwards the fresh cookie, so reaching here with stale claims means the proxy was bypassed:
  // use the roles in the token only when they are current.
  if (revocation.stale) return { ok: false, failure: "unauthenticated" };

  return {
    ok: true,
    session: {
      user: { id: claims.sub, email: claims.email ?? "", name: claims.name ?? "" },
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
      roles: claims.roles,
      permissions: normalizePermissions(claims.permissions),
      sessionId: claims.sid,
      expiresAt: claims.exp,
    },
  };
});

/** The request's `Host` and `Origin`, for the Server Action CSRF check. */
export async function readRequestOrigin(): Promise<{ host: string | null; origin: string | null }> {
  const h = await headers();
  const env = getEnv();
  return {
    host: (env.TRUST_FORWARDED_HOST && h.get("x-forwarded-host")) || h.get("host"),
    origin: h.get("origin"),
  };
}
