// The gate's `refreshClaims` hook. Runs in the proxy (Node in Next 16) only when the
// revocation store says a user's roles changed since the token was issued: re-reads the
// roles from the tenant DB and re-signs the same session (same sid, auth_time and exp) so
// the change applies on the very next request without signing the user out.
import type { SessionClaims } from "@repo/auth/token";
import { signSessionToken } from "@repo/auth/token";
import { getTenantDb } from "@repo/tenancy";
import { getKeySet, getSettings } from "./auth-runtime";
import { loadUserRoles } from "./load-user-roles";

/** A fresh token for `claims` with current roles, or null (user gone/disabled: sign in again). */
export async function refreshClaims(claims: SessionClaims): Promise<string | null> {
  const snapshot = await loadUserRoles(getTenantDb(claims.tid), claims.sub);
  if (!snapshot || snapshot.isDisabled) return null;
  const now = Math.floor(Date.now() / 1000);
  // Keep the original expiry: a refresh must not extend the session (nor outlive the
  // TTL of a session revocation computed from the original `exp`).
  const remaining = claims.exp - now;
  if (remaining <= 0) return null;
  return signSessionToken(
    {
      sub: claims.sub,
      tid: claims.tid,
      sid: claims.sid,
      auth_time: claims.auth_time,
      roles: snapshot.roles,
      permissions: snapshot.permissions,
      ...(claims.email ? { email: claims.email } : {}),
      ...(claims.name ? { name: claims.name } : {}),
    },
    await getKeySet(),
    { issuer: getSettings().issuer, audience: claims.tid, expiresInSeconds: remaining, now },
  );
}
