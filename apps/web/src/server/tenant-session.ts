// Server-side session check used by every page, Server Action and route handler that touches
// tenant data (defence in depth: it never trusts the proxy's `x-repo-*` headers). It re-derives
// the tenant from Host, re-verifies the cookie with THE verification function, requires
// token tenant == host tenant and asks the revocation store (fail closed).
import { normalizePermissions, type Permission } from "@repo/auth/rbac";
import { readCookie } from "@repo/auth/gate";
import { verifySessionToken } from "@repo/auth/token";
import { resolveTenant, type Tenant } from "@repo/tenancy";
import { parseTenantSlug } from "@repo/tenancy/host";
import { getEnv } from "@/env";
import { getKeySet, getSessionCookieName, getSessionRevocationStore, getSettings } from "./auth-runtime";

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

/** The host a request was addressed to: `Host`, or X-Forwarded-Host only when configured. */
export function readHost(headers: Headers): string | null {
  return (getSettings().trustForwardedHost && headers.get("x-forwarded-host")?.split(",")[0]?.trim()) || headers.get("host");
}

/** The tenant named by `host`, or null for the apex, unknown or malformed hosts. */
export async function resolveHostTenant(host: string | null): Promise<Tenant | null> {
  const slug = parseTenantSlug(host, getEnv().ROOT_DOMAIN);
  return slug ? resolveTenant(slug) : null;
}

/**
 * Verifies the session carried by `headers` (its Host and Cookie only; `x-repo-*` are ignored).
 * Never throws for client input.
 */
export async function verifyTenantSession(headers: Headers): Promise<SessionResult> {
  const tenant = await resolveHostTenant(readHost(headers));
  if (!tenant || tenant.status === "provisioning" || tenant.status === "deleting") {
    return { ok: false, failure: "tenant_not_found" };
  }
  if (tenant.status === "suspended") return { ok: false, failure: "tenant_suspended" };

  const settings = getSettings();
  const token = readCookie(headers.get("cookie"), getSessionCookieName());
  const verified = await verifySessionToken(token, await getKeySet(), {
    issuer: settings.issuer,
    audience: tenant.id,
    maxSessionAgeSeconds: settings.absoluteSessionCap,
  });
  if (!verified.ok) return { ok: false, failure: "unauthenticated" };
  const { claims } = verified;
  if (claims.tid !== tenant.id) return { ok: false, failure: "unauthenticated" };

  const revocation = await getSessionRevocationStore().check(claims);
  if (revocation.revoked) {
    return { ok: false, failure: revocation.reason === "unavailable" ? "unavailable" : "unauthenticated" };
  }
  // The proxy re-issues stale tokens (role change) and forwards the fresh cookie on the same
  // request, so stale claims here mean the proxy was bypassed: don't trust their roles.
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
}
