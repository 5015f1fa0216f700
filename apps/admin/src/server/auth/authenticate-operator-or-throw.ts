// Authenticates an admin API request: `Authorization: Bearer <operator API token>` first,
// else the operator session cookie. Client-sent `x-repo-*` headers are never consulted here.
import { authenticateApiTokenOrThrow } from "../api-tokens/authenticate-api-token-or-throw";
import { ApiError } from "@repo/api-errors";
import type { OperatorPrincipal } from "./operator-principal";
import { verifyOperatorSession } from "./verify-operator-session";

export async function authenticateOperatorOrThrow(request: Request): Promise<OperatorPrincipal> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw new ApiError("unauthenticated", "Use `Authorization: Bearer <operator API token>`.");
    return authenticateApiTokenOrThrow(match[1]);
  }
  const principal = await verifyOperatorSession(request.headers.get("cookie"));
  if (!principal)
    throw new ApiError("unauthenticated", "Sign in to the operator console or send an operator API token.");
  return principal;
}
