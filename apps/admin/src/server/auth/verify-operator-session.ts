// Verifies an operator session token (THE verification function from @repo/auth/token with
// aud "admin"), rejects revoked sessions, then reads the operator row so a disabled or demoted
// operator loses access on the next request — the token's role claim is not trusted alone.
import { eq } from "drizzle-orm";
import { getAuthSettings, getSigningKeys } from "@repo/auth/settings";
import { verifySessionToken } from "@repo/auth/token";
import { operators } from "@repo/db/control-plane";
import { getControlPlane } from "../control-plane";
import { getRevocationStore } from "../revocation-store";
import { isOperatorRole, type OperatorPrincipal } from "./operator-principal";
import { OPERATOR_AUDIENCE, OPERATOR_TENANT_CLAIM } from "./operator-session-settings";

export async function verifyOperatorSession(token: string | null): Promise<OperatorPrincipal | null> {
  if (!token) return null;
  const settings = getAuthSettings();
  const result = await verifySessionToken(token, await getSigningKeys(), {
    issuer: settings.issuer,
    audience: OPERATOR_AUDIENCE,
    maxSessionAgeSeconds: settings.absoluteSessionCap,
  });
  if (!result.ok || result.claims.tid !== OPERATOR_TENANT_CLAIM) return null;
  const revocation = await getRevocationStore().check(result.claims);
  if (revocation.revoked) return null;
  const [operator] = await getControlPlane().select().from(operators).where(eq(operators.id, result.claims.sub));
  if (!operator || operator.disabled || !isOperatorRole(operator.role)) return null;
  return { operatorId: operator.id, email: operator.email, role: operator.role, via: "session" };
}
