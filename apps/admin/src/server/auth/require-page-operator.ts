// Server components: the signed-in operator, or a redirect to /signin. The proxy already gates
// pages; this re-verifies the cookie (defense in depth) and is memoised per request.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { canOperatorWrite, type OperatorPrincipal } from "./operator-principal";
import { verifyOperatorSession } from "./verify-operator-session";

export const requirePageOperator = cache(async (): Promise<OperatorPrincipal & { canWrite: boolean }> => {
  // The raw Cookie header, not `cookies().get()`: every value of a duplicated cookie is tried.
  const operator = await verifyOperatorSession((await headers()).get("cookie"));
  if (!operator) redirect("/signin");
  return { ...operator, canWrite: canOperatorWrite(operator) };
});
