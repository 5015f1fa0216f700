// The proxy's fast path: is this an unrevoked operator session token (aud/tid "admin")?
// Edge-safe (THE session check: verify + revocation snapshot, no round trip when warm). Role and operator status are
// re-checked against the database by the route handlers and pages.
import type { RevocationStore } from "@repo/auth/revocation";
import { verifySession } from "@repo/auth/gate";
import type { KeySet, SessionClaims } from "@repo/auth/token";
import { OPERATOR_AUDIENCE, OPERATOR_TENANT_CLAIM } from "./operator-session-settings";

export type OperatorTokenCheck =
  | { status: "valid"; claims: SessionClaims }
  | { status: "invalid" }
  | { status: "unavailable" };

export async function checkOperatorToken(
  token: string | null,
  options: { keys: KeySet; issuer: string; maxSessionAgeSeconds: number; revocation: RevocationStore },
): Promise<OperatorTokenCheck> {
  if (!token) return { status: "invalid" };
  // THE session check (shared with the tenant gate and the data layer), operator realm.
  const session = await verifySession([token], {
    keys: options.keys,
    issuer: options.issuer,
    audience: OPERATOR_AUDIENCE,
    tenantId: OPERATOR_TENANT_CLAIM,
    revocation: options.revocation,
    maxSessionAgeSeconds: options.maxSessionAgeSeconds,
  });
  if (!session.ok) return { status: session.unavailable ? "unavailable" : "invalid" };
  return { status: "valid", claims: session.entry.claims };
}
