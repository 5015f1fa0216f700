// Lists tokens (newest first) with the owning operator's email. Owners see all; support sees their own.
import { desc, eq } from "drizzle-orm";
import { operatorApiTokens, operators } from "@repo/db/control-plane";
import type { OperatorPrincipal } from "../auth/operator-principal";
import { getControlPlane } from "../control-plane";
import { toApiTokenView, type ApiTokenView } from "./api-token-view";

export async function listApiTokens(viewer: OperatorPrincipal): Promise<(ApiTokenView & { operatorEmail: string })[]> {
  const rows = await getControlPlane()
    .select({ token: operatorApiTokens, operatorEmail: operators.email })
    .from(operatorApiTokens)
    .innerJoin(operators, eq(operators.id, operatorApiTokens.operatorId))
    .where(viewer.role === "owner" ? undefined : eq(operatorApiTokens.operatorId, viewer.operatorId))
    .orderBy(desc(operatorApiTokens.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...toApiTokenView(r.token), operatorEmail: r.operatorEmail }));
}
