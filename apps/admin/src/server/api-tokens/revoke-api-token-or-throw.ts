// Revokes a token (idempotent). The row stays for the audit trail; it just stops authenticating.
import { and, eq, isNull } from "drizzle-orm";
import { operatorApiTokens } from "@repo/db/control-plane";
import { ApiError } from "@repo/api-errors";
import { getControlPlane } from "../control-plane";
import type { RecordAudit } from "../http/with-operator";

/** The revocation and its audit entry commit together. */
export async function revokeApiTokenOrThrow(id: string, recordAudit: RecordAudit): Promise<void> {
  await getControlPlane().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: operatorApiTokens.id })
      .from(operatorApiTokens)
      .where(eq(operatorApiTokens.id, id));
    if (!existing) throw new ApiError("not_found", "No API token with this id.");
    await tx
      .update(operatorApiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(operatorApiTokens.id, id), isNull(operatorApiTokens.revokedAt)));
    await recordAudit(tx);
  });
}
