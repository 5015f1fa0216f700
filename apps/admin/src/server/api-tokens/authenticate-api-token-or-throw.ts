// Resolves `Authorization: Bearer opk_…` to an operator. Lookup is by the token's SHA-256
// (indexed, unique); expired, revoked, or disabled-operator tokens are a 401. `last_used_at`
// is bumped at most once a minute so read-heavy automation doesn't write on every call.
import { eq } from "drizzle-orm";
import { operatorApiTokens, operators } from "@repo/db/control-plane";
import { ApiError } from "@repo/api-errors";
import { getControlPlane } from "../control-plane";
import { isOperatorRole, type OperatorPrincipal } from "../auth/operator-principal";
import { hashApiToken } from "./hash-api-token";

const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiTokenOrThrow(token: string): Promise<OperatorPrincipal> {
  const db = getControlPlane();
  const [row] = await db
    .select({ token: operatorApiTokens, operator: operators })
    .from(operatorApiTokens)
    .innerJoin(operators, eq(operators.id, operatorApiTokens.operatorId))
    .where(eq(operatorApiTokens.tokenHash, hashApiToken(token)))
    .limit(1);
  const now = new Date();
  if (!row || row.token.revokedAt || (row.token.expiresAt && row.token.expiresAt <= now) || row.operator.disabled) {
    throw new ApiError("unauthenticated", "The API token is invalid, expired or revoked.");
  }
  if (!isOperatorRole(row.operator.role))
    throw new ApiError("unauthenticated", "The token's operator has no valid role.");
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(operatorApiTokens).set({ lastUsedAt: now }).where(eq(operatorApiTokens.id, row.token.id));
  }
  return {
    operatorId: row.operator.id,
    email: row.operator.email,
    role: row.operator.role,
    via: "api_token",
    tokenId: row.token.id,
    tokenScope: row.token.scope === "write" ? "write" : "read",
  };
}
