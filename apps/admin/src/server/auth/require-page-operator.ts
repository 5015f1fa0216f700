// Server components: the signed-in operator, or a redirect to /signin. The proxy already gates
// pages; this re-verifies the cookie (defense in depth) and is memoised per request.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuthSettings } from "@repo/auth/settings";
import { canOperatorWrite, type OperatorPrincipal } from "./operator-principal";
import { operatorCookieName } from "./operator-session-settings";
import { verifyOperatorSession } from "./verify-operator-session";

export const requirePageOperator = cache(async (): Promise<OperatorPrincipal & { canWrite: boolean }> => {
  const jar = await cookies();
  const token = jar.get(operatorCookieName(getAuthSettings().secureCookies))?.value || null;
  const operator = await verifyOperatorSession(token);
  if (!operator) redirect("/signin");
  return { ...operator, canWrite: canOperatorWrite(operator) };
});
