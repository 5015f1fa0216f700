// Verifies an operator session token with the proxy's own check (THE verify function, aud
// "admin", revocation), then reads the operator row so a disabled or demoted operator loses
// access on the next request — the token's role claim is not trusted alone.
import { eq } from "drizzle-orm";
import { operators } from "@repo/db/control-plane";
import { getControlPlane } from "../control-plane";
import { checkOperatorToken } from "./check-operator-token";
import { getProxyOptions } from "./get-proxy-options";
import { isOperatorRole, type OperatorPrincipal } from "./operator-principal";

/** `cookieHeader`: the request's whole Cookie header (every operator-cookie value is tried). */
export async function verifyOperatorSession(cookieHeader: string | null): Promise<OperatorPrincipal | null> {
  const check = await checkOperatorToken(cookieHeader, await getProxyOptions());
  if (check.status !== "valid") return null;
  const [operator] = await getControlPlane().select().from(operators).where(eq(operators.id, check.claims.sub));
  if (!operator || operator.disabled || !isOperatorRole(operator.role)) return null;
  return { operatorId: operator.id, email: operator.email, role: operator.role, via: "session" };
}
