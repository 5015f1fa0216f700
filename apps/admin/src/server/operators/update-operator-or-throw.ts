// Applies PATCH { role?, disabled? } to an operator, keeping at least one enabled owner.
// The owner count is checked inside a transaction holding an advisory lock, so two concurrent
// demotions of the last two owners cannot both succeed. Disabling also revokes every session
// of the operator in Redis (their next request is refused); API tokens stop working through the
// `disabled` flag that token authentication reads.
import { and, eq, ne, sql } from "drizzle-orm";
import { type ControlPlaneDb, operators } from "@repo/db/control-plane";
import type { UpdateOperatorInput } from "../../schemas/operator-schemas";
import { OPERATOR_TENANT_CLAIM } from "../auth/operator-session-settings";
import { ApiError } from "@repo/api-errors";
import { runRedisWriteOrThrow } from "../sessions/run-redis-write-or-throw";
import { type OperatorView, toOperatorView } from "./operator-view";
import { getRevocationStore } from "@/server/admin-root";

/** Advisory-lock key serialising every change that could remove an owner. */
const OWNER_CHANGE_LOCK = 74_210_031;

export async function updateOperatorOrThrow(
  db: ControlPlaneDb,
  id: string,
  input: UpdateOperatorInput,
): Promise<OperatorView> {
  const row = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${OWNER_CHANGE_LOCK})`);
    const [current] = await tx.select().from(operators).where(eq(operators.id, id)).for("update");
    if (!current) throw new ApiError("not_found", "No operator with this id.");
    const staysOwner = (input.role ?? current.role) === "owner" && !(input.disabled ?? current.disabled);
    if (current.role === "owner" && !current.disabled && !staysOwner) {
      const [others] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(operators)
        .where(and(eq(operators.role, "owner"), eq(operators.disabled, false), ne(operators.id, id)));
      if ((others?.count ?? 0) === 0) {
        throw new ApiError("conflict", "This is the last enabled owner: make another operator an owner first.");
      }
    }
    const [updated] = await tx
      .update(operators)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(operators.id, id))
      .returning();
    return updated!;
  });
  if (input.disabled) await runRedisWriteOrThrow(() => getRevocationStore().revokeUser(OPERATOR_TENANT_CLAIM, id));
  return toOperatorView(row);
}
