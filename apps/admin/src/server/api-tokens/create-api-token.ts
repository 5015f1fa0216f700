// Mints an operator API token. The plaintext is in the return value ONLY; the row holds its hash.
import { operatorApiTokens } from "@repo/db/control-plane";
import type { CreateApiTokenInput } from "../../schemas/api-token-schemas";
import { loadAdminEnv } from "../../env";
import { getControlPlane } from "../control-plane";
import { generateApiToken } from "./generate-api-token";
import { toApiTokenView, type ApiTokenView } from "./api-token-view";
import type { RecordAudit } from "../http/with-operator";

/** The token row and its audit entry commit together. */
export async function createApiToken(
  operatorId: string,
  input: CreateApiTokenInput,
  recordAudit: RecordAudit,
): Promise<ApiTokenView & { token: string }> {
  const { token, tokenHash, displayPrefix } = generateApiToken();
  const days = input.expiresInDays ?? loadAdminEnv().ADMIN_API_TOKEN_DEFAULT_DAYS;
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const row = await getControlPlane().transaction(async (tx) => {
    const [inserted] = await tx
      .insert(operatorApiTokens)
      .values({ operatorId, name: input.name, tokenHash, prefix: displayPrefix, scope: input.scope, expiresAt })
      .returning();
    if (!inserted) throw new Error("insert returned no row");
    await recordAudit(tx, {
      target: `api-token:${inserted.id}`,
      details: { name: input.name, scope: input.scope, expiresAt: inserted.expiresAt },
    });
    return inserted;
  });
  return { ...toApiTokenView(row), token };
}
