// The proxy's fast path: is this an unrevoked operator session token (aud/tid "admin")?
// Edge-safe (THE session check: verify + revocation snapshot, no round trip when warm). Role and operator status are
// re-checked against the database by the route handlers and pages.
import type { RevocationStore } from "@repo/auth/revocation";
import { readCookieValues, verifySession } from "@repo/auth/gate";
import type { KeySet, SessionClaims } from "@repo/auth/token";
import { OPERATOR_AUDIENCE, OPERATOR_TENANT_CLAIM } from "./operator-session-settings";

export type OperatorTokenCheck =
  | { status: "valid"; claims: SessionClaims }
  | { status: "invalid" }
  | { status: "unavailable" };

/**
 * Every value of the operator cookie in `cookieHeader` (the tenant gate's `readCookieValues`),
 * checked by THE session check: a duplicate tossed in by a sibling host and sent first neither
 * replaces nor clears the real session — the first value passing every check is the session.
 */
export async function checkOperatorToken(
  cookieHeader: string | null,
  options: {
    keys: KeySet;
    issuer: string;
    maxSessionAgeSeconds: number;
    revocation: RevocationStore;
    cookieName: string;
  },
): Promise<OperatorTokenCheck> {
  const tokens = readCookieValues(cookieHeader, options.cookieName);
  if (tokens.length === 0) return { status: "invalid" };
  // THE session check (shared with the tenant gate and the data layer), operator realm.
  const session = await verifySession(tokens, {
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
