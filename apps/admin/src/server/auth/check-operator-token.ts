// The proxy's fast path: is this an unrevoked operator session token (aud/tid "admin")?
// Edge-safe (THE verify function + one Redis round trip). Role and operator status are
// re-checked against the database by the route handlers and pages.
import type { RevocationStore } from "@repo/auth/revocation";
import { verifySessionToken, type KeySet, type SessionClaims } from "@repo/auth/token";
import { OPERATOR_AUDIENCE, OPERATOR_TENANT_CLAIM } from "./operator-session-settings";

export type OperatorTokenCheck = { status: "valid"; claims: SessionClaims } | { status: "invalid" } | { status: "unavailable" };

export async function checkOperatorToken(
  token: string | null,
  options: { keys: KeySet; issuer: string; maxSessionAgeSeconds: number; revocation: RevocationStore },
): Promise<OperatorTokenCheck> {
  if (!token) return { status: "invalid" };
  const result = await verifySessionToken(token, options.keys, {
    issuer: options.issuer,
    audience: OPERATOR_AUDIENCE,
    maxSessionAgeSeconds: options.maxSessionAgeSeconds,
  });
  if (!result.ok || result.claims.tid !== OPERATOR_TENANT_CLAIM) return { status: "invalid" };
  const check = await options.revocation.check(result.claims);
  if (check.revoked) return { status: check.reason === "unavailable" ? "unavailable" : "invalid" };
  return { status: "valid", claims: result.claims };
}
