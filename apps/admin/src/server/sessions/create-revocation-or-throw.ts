// POST /revocations: session (needs the session's expiry for the key TTL, so it is read from the
// tenant's inventory, which also proves the session belongs to this tenant), user, or tenant.
import type { EventActor } from "@repo/webhooks/events";
import type { CreateRevocationInput } from "../../schemas/revocation-schemas";
import { ApiError } from "@repo/api-errors";
import { openTenantDbOrThrow } from "../tenants/open-tenant-db-or-throw";
import type { TenantView } from "../tenants/tenant-view";
import { getSessionOrThrow } from "./get-session-or-throw";
import { markSessionsRevoked } from "./mark-sessions-revoked";
import { runRedisWriteOrThrow } from "./run-redis-write-or-throw";
import { getRevocationStore } from "@/server/admin-root";

export type RevocationResult = {
  type: CreateRevocationInput["type"];
  tenantId: string;
  userId?: string;
  sessionId?: string;
  at: string;
};

export async function createRevocationOrThrow(
  tenant: TenantView,
  input: CreateRevocationInput,
  actor: EventActor,
): Promise<RevocationResult> {
  const store = getRevocationStore();
  const at = new Date().toISOString();
  const context = { tenantId: tenant.id, actor };
  if (input.type === "tenant") {
    // The kill switch works even while the tenant DB is unreachable: Redis first.
    await runRedisWriteOrThrow(() => store.revokeTenant(tenant.id));
    await openTenantDbOrThrow(tenant.slug)
      .then(({ db }) => markSessionsRevoked(db, { all: true }, context))
      .catch((e: unknown) => console.warn("[admin] inventory not updated after tenant revocation", e));
    return { type: "tenant", tenantId: tenant.id, at };
  }
  const { db } = await openTenantDbOrThrow(tenant.slug);
  if (input.type === "user") {
    await runRedisWriteOrThrow(() => store.revokeUser(tenant.id, input.userId));
    await markSessionsRevoked(db, { userId: input.userId }, context);
    return { type: "user", tenantId: tenant.id, userId: input.userId, at };
  }
  const session = await getSessionOrThrow(db, input.sessionId);
  if (input.userId && input.userId !== session.userId)
    throw new ApiError("invalid_request", "That session belongs to another user.");
  const exp = Math.floor(session.expiresAt.getTime() / 1000);
  await runRedisWriteOrThrow(() => store.revokeSession(tenant.id, session.sid, exp));
  await markSessionsRevoked(db, { sid: session.sid, userId: session.userId }, context);
  return { type: "session", tenantId: tenant.id, userId: session.userId, sessionId: session.sid, at };
}
