// The auth events of the tenant app's member and invitation operations. Each hook runs inside
// the operation's own tenant-DB transaction (its `inTransaction` option), so the event commits
// or rolls back with the change; `requestTenantRelay` pokes the webhook worker after commit.
import type { AcceptedInvitation, InTransaction, InvitationView, RemovedMember, TenantTx } from "@repo/auth/identity";
import { userRoles, users } from "@repo/db/tenant";
import { getControlPlaneDb } from "../web-root";
import { appendEvent, requestOutboxRelay, type EventActor } from "@repo/webhooks/events";
import { asc, eq } from "drizzle-orm";
import type { TenantSession } from "../tenant-session";

/** The signed-in member who made the change. */
export function memberEventActor(session: TenantSession): EventActor {
  return { type: "user", id: session.user.id, email: session.user.email };
}

/** After commit: ask the worker to relay this tenant's outbox now (not awaited; the sweep is the net). */
export function requestTenantRelay(tenantId: string): void {
  void requestOutboxRelay(getControlPlaneDb(), { tenantId });
}

/** The member as events show it, read inside the transaction (so after the change). */
async function readMember(tx: TenantTx, userId: string) {
  const [user] = await tx
    .select({ id: users.id, email: users.email, name: users.name, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new Error(`member ${userId} vanished inside its own transaction`);
  const roles = await tx
    .select({ key: userRoles.roleKey })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.roleKey));
  return { ...user, roles: roles.map((r) => r.key) };
}

export function onInvitationCreated(actor: EventActor): InTransaction<InvitationView> {
  return async (tx, invitation) => {
    await appendEvent(tx, {
      type: "invitation.created",
      data: {
        invitation: {
          id: invitation.id,
          email: invitation.email,
          roles: invitation.roles,
          expiresAt: invitation.expiresAt,
        },
        actor,
      },
    });
  };
}

/** `invitation.accepted`, plus `member.created` for a new account or `member.updated` (roles) for an existing one. */
export const onInvitationAccepted: InTransaction<AcceptedInvitation> = async (tx, accepted) => {
  const user = { id: accepted.userId, email: accepted.email };
  await appendEvent(tx, {
    type: "invitation.accepted",
    data: { invitation: { id: accepted.invitationId, email: accepted.email }, user },
  });
  const member = await readMember(tx, accepted.userId);
  const actor: EventActor = { type: "user", ...user };
  if (accepted.isNewAccount) await appendEvent(tx, { type: "member.created", data: { member, actor } });
  else if (accepted.roles.length > 0)
    await appendEvent(tx, { type: "member.updated", data: { member, changes: { roles: member.roles }, actor } });
};

export function onMemberRolesChanged(actor: EventActor): InTransaction<{ userId: string; roles: string[] }> {
  return async (tx, change) => {
    const member = await readMember(tx, change.userId);
    await appendEvent(tx, { type: "member.updated", data: { member, changes: { roles: change.roles }, actor } });
  };
}

/** `session.revoked` for every session of the user (they all ended before the commit). */
export function onUserSessionsRevoked(actor: EventActor | null): InTransaction<{ userId: string }> {
  return async (tx, { userId }) => {
    await appendEvent(tx, {
      type: "session.revoked",
      data: { scope: "user", userId, sessionId: null, actor: actor ?? { type: "user", id: userId } },
    });
  };
}

/** `session.revoked` for one session the user ended themself. */
export const onOwnSessionEnded: InTransaction<{ userId: string; sid: string }> = async (tx, { userId, sid }) => {
  await appendEvent(tx, {
    type: "session.revoked",
    data: { scope: "session", userId, sessionId: sid, actor: { type: "user", id: userId } },
  });
};

/** `session.revoked` (scope user: their sessions ended) then `member.removed`. */
export function onMemberRemoved(actor: EventActor): InTransaction<RemovedMember> {
  return async (tx, removed) => {
    await onUserSessionsRevoked(actor)(tx, { userId: removed.userId });
    await appendEvent(tx, {
      type: "member.removed",
      data: { member: { id: removed.userId, email: removed.email }, actor },
    });
  };
}
