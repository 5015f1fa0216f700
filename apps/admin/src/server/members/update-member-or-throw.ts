// Applies PATCH { roles?, disabled? } to a tenant user and pushes the effect to Redis:
// - roles: DB first (transaction), then `markClaimsStale` — the gate re-issues the user's token
//   with the new claims on their next request (still signed in). If Redis fails after the DB
//   commit, the operator gets a 503 and can retry (the DB write is idempotent).
// - disabled: DB flag (sign-in refuses), then `revokeUser` — existing sessions die next request.
// Both DB changes and the `member.updated` event commit in ONE tenant-DB transaction.
import type { TenantDb } from "@repo/db/tenant";
import { appendEvent } from "@repo/webhooks/events";
import type { OperatorPrincipal } from "../auth/operator-principal";
import { toOperatorEventActor } from "../events/operator-event-actor";
import { requestRelay } from "../events/request-relay";
import type { UpdateMemberInput } from "../../schemas/member-schemas";
import { markSessionsRevoked } from "../sessions/mark-sessions-revoked";
import { runRedisWriteOrThrow } from "../sessions/run-redis-write-or-throw";
import { getMemberOrThrow } from "./get-member-or-throw";
import type { MemberView } from "./member-view";
import { setMemberDisabledOrThrow } from "./set-member-disabled-or-throw";
import { setMemberRolesOrThrow } from "./set-member-roles-or-throw";
import { getRevocationStore } from "@/server/admin-root";

export async function updateMemberOrThrow(
  tenantId: string,
  db: TenantDb,
  userId: string,
  input: UpdateMemberInput,
  operator: OperatorPrincipal,
): Promise<MemberView> {
  const actor = toOperatorEventActor(operator);
  await getMemberOrThrow(db, userId);
  const store = getRevocationStore();
  await db.transaction(async (tx) => {
    if (input.roles !== undefined)
      await setMemberRolesOrThrow(tx, { kind: "operator", operatorId: operator.operatorId }, userId, input.roles);
    if (input.disabled !== undefined) await setMemberDisabledOrThrow(tx, userId, input.disabled);
    const { createdAt: _createdAt, ...member } = await getMemberOrThrow(tx, userId);
    await appendEvent(tx, { type: "member.updated", data: { member, changes: input, actor } });
  });
  requestRelay({ tenantId });
  if (input.roles !== undefined) await runRedisWriteOrThrow(() => store.markClaimsStale(tenantId, userId));
  if (input.disabled) {
    await runRedisWriteOrThrow(() => store.revokeUser(tenantId, userId));
    await markSessionsRevoked(db, { userId }, { tenantId, actor });
  }
  return getMemberOrThrow(db, userId);
}
