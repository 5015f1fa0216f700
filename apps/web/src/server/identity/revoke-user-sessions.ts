// Session revocation for the identity flows, through the app's one revocation store (Redis).
// A write that fails throws, so the surrounding transaction rolls back (fail closed).
import { markSessionsRevoked } from "./mark-sessions-revoked";
import type { TenantDb } from "@repo/db/tenant";
import { getSessionRevocationStore } from "@/server/web-root";
import type { EventActor } from "@repo/webhooks/events";
import { requestTenantRelay } from "../events/identity-events";

/** Every session of the user that started before now ends (user epoch). */
export async function revokeAllSessionsOfUser(tenantId: string, userId: string): Promise<void> {
  await getSessionRevocationStore().revokeUser(tenantId, userId);
}

/** Ends the given sessions one by one (the caller's own session is not in the list). */
export async function revokeSessions(
  db: TenantDb,
  tenantId: string,
  list: { sid: string; expiresAt: Date }[],
  actor: EventActor,
): Promise<void> {
  const store = getSessionRevocationStore();
  for (const { sid, expiresAt } of list)
    await store.revokeSession(tenantId, sid, Math.ceil(expiresAt.getTime() / 1000));
  await markSessionsRevoked(
    db,
    list.map((s) => s.sid),
    actor,
  );
  requestTenantRelay(tenantId);
}
