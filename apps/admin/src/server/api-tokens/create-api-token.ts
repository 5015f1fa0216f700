// Mints an operator API token. The plaintext is in the return value ONLY; the row holds its hash.
import { operatorApiTokens } from "@repo/db/control-plane";
import type { CreateApiTokenInput } from "../../schemas/api-token-schemas";
import { loadAdminEnv } from "../../env";
import { getControlPlane } from "../control-plane";
import { generateApiToken } from "./generate-api-token";
import { toApiTokenView, type ApiTokenView } from "./api-token-view";

export async function createApiToken(operatorId: string, input: CreateApiTokenInput): Promise<ApiTokenView & { token: string }> {
  const { token, tokenHash, displayPrefix } = generateApiToken();
  const days = input.expiresInDays ?? loadAdminEnv().ADMIN_API_TOKEN_DEFAULT_DAYS;
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const [row] = await getControlPlane()
    .insert(operatorApiTokens)
    .values({ operatorId, name: input.name, tokenHash, prefix: displayPrefix, scope: input.scope, expiresAt })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { ...toApiTokenView(row), token };
}
