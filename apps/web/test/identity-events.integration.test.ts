// The auth events of the tenant app's member and invitation routes (real route handlers,
// Postgres, Redis, SMTP): each lands in the tenant DB's outbox with its documented shape, in the
// operation's own transaction — a refused or rolled-back operation appends nothing.
import { describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined }),
}));

import { outboxEvents } from "@repo/db/outbox";
import { getTenantDb } from "@/server/web-root";
import { POST as createInvitation } from "@/app/api/invitations/route";
import { POST as acceptInvitation } from "@/app/api/invitations/accept/route";
import { POST as changePassword } from "@/app/api/me/password/route";
import { DELETE as endSession } from "@/app/api/me/sessions/[sid]/route";
import { DELETE as removeMember, PATCH as patchMember } from "@/app/api/members/[userId]/route";
import { createRouteCaller } from "./support/call-route";
import { linkIn, waitForMail } from "./support/read-mail";
import { recordSessionRow, seedUser } from "./support/seed-identity-users";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";

const call = createRouteCaller(current);
let alpha: SeededTenant;
useTestPlatform((seeded) => ({ alpha } = seeded));

/** This tenant's outbox rows that mention `needle` (other tests share the tenant DB). */
async function eventsAbout(needle: string) {
  const rows = await getTenantDb(alpha.tenant.id).select().from(outboxEvents).orderBy(outboxEvents.seq);
  return rows.filter((r) => JSON.stringify(r.data).includes(needle));
}

describe("identity events in the tenant outbox", () => {
  it("invitation.created → invitation.accepted + member.created → member.updated → member.removed", async () => {
    const owner = alpha.users.owner;
    const cookie = (await mintSessionCookie(alpha.tenant, owner)).cookie;
    const email = `evt-${crypto.randomUUID().slice(0, 8)}@invitee.test`;
    const invited = await call(createInvitation, {
      method: "POST",
      path: "/api/invitations",
      host: alpha.host,
      cookie,
      body: { email, roles: ["member"] },
    });
    expect(invited.status).toBe(201);
    const link = linkIn(await waitForMail(email), `http://${alpha.host}/invite/`);
    const accepted = await call(acceptInvitation, {
      method: "POST",
      path: "/api/invitations/accept",
      host: alpha.host,
      body: { token: link.split("/invite/")[1], name: "Evt", password: "correct horse battery" },
    });
    expect(accepted.status).toBe(200);
    const [created] = (await eventsAbout(email)).filter((e) => e.type === "member.created");
    const userId = (created!.data as { member: { id: string } }).member.id;

    const patched = await call(patchMember, {
      method: "PATCH",
      path: `/api/members/${userId}`,
      host: alpha.host,
      cookie,
      body: { roles: ["viewer"] },
      params: { userId },
    });
    expect(patched.status).toBe(200);
    const removed = await call(removeMember, {
      method: "DELETE",
      path: `/api/members/${userId}`,
      host: alpha.host,
      cookie,
      params: { userId },
    });
    expect(removed.status).toBe(204);

    const actor = { type: "user", id: owner.id, email: owner.email };
    const events = await eventsAbout(email);
    expect(events.map((e) => e.type)).toEqual([
      "invitation.created",
      "invitation.accepted",
      "member.created",
      "member.updated",
      "member.removed",
    ]);
    expect(events.every((e) => /^evt_[0-9a-f]{32}$/.test(e.id) && e.tenantId === null)).toBe(true);
    const [inv, acc, mc, mu, mr] = events.map((e) => e.data);
    expect(inv).toEqual({
      invitation: { id: invited.json!.id, email, roles: ["member"], expiresAt: invited.json!.expiresAt },
      actor,
    });
    expect(acc).toEqual({ invitation: { id: invited.json!.id, email }, user: { id: userId, email } });
    expect(mc).toEqual({
      member: { id: userId, email, name: "Evt", roles: ["member"], disabled: false },
      actor: { type: "user", id: userId, email },
    });
    expect(mu).toEqual({
      member: { id: userId, email, name: "Evt", roles: ["viewer"], disabled: false },
      changes: { roles: ["viewer"] },
      actor,
    });
    expect(mr).toEqual({ member: { id: userId, email }, actor });
    // Removal ended every session of the member, in the same transaction.
    const revoked = (await eventsAbout(userId)).filter((e) => e.type === "session.revoked");
    expect(revoked.map((e) => e.data)).toEqual([{ scope: "user", userId, sessionId: null, actor }]);
  }, 30_000); // five hashed-password and mail round trips on a loaded machine

  it("session.revoked when a user ends one of their sessions, and for each other session a password change ends", async () => {
    const user = await seedUser(alpha.tenant, { roles: ["viewer"], password: "old-password-123" });
    const [a, b, c] = [
      await mintSessionCookie(alpha.tenant, user),
      await mintSessionCookie(alpha.tenant, user),
      await mintSessionCookie(alpha.tenant, user),
    ];
    for (const s of [a, b, c]) await recordSessionRow(alpha.tenant, user.id, s.sid);
    const ended = await call(endSession, {
      method: "DELETE",
      path: `/api/me/sessions/${b.sid}`,
      host: alpha.host,
      cookie: a.cookie,
      params: { sid: b.sid },
    });
    expect(ended.status).toBe(204);
    const changed = await call(changePassword, {
      method: "POST",
      path: "/api/me/password",
      host: alpha.host,
      cookie: a.cookie,
      body: { currentPassword: "old-password-123", newPassword: "new-password-456" },
    });
    expect(changed.status).toBe(204);
    const self = { type: "user", id: user.id };
    expect((await eventsAbout(user.id)).map((e) => e.data)).toEqual([
      { scope: "session", userId: user.id, sessionId: b.sid, actor: self },
      { scope: "session", userId: user.id, sessionId: c.sid, actor: { ...self, email: user.email } },
    ]);
  });

  it("an existing account accepting gets member.updated (not member.created); refused operations append nothing", async () => {
    const cookie = (await mintSessionCookie(alpha.tenant, alpha.users.owner)).cookie;
    const existing = await seedUser(alpha.tenant, { roles: ["viewer"], password: "existing-password-1" });
    const invited = await call(createInvitation, {
      method: "POST",
      path: "/api/invitations",
      host: alpha.host,
      cookie,
      body: { email: existing.email, roles: ["member"] },
    });
    expect(invited.status).toBe(201);
    const token = linkIn(await waitForMail(existing.email), `http://${alpha.host}/invite/`).split("/invite/")[1];
    const accept = (password: string) =>
      call(acceptInvitation, {
        method: "POST",
        path: "/api/invitations/accept",
        host: alpha.host,
        body: { token, password },
      });
    expect((await accept("wrong-password-here")).status).toBe(401);
    expect((await accept("existing-password-1")).status).toBe(200);
    // Refused (the last owner demoting themselves, 409): its transaction, event included, rolled back.
    const ownerId = alpha.users.owner.id;
    expect(
      (
        await call(patchMember, {
          method: "PATCH",
          path: `/api/members/${ownerId}`,
          host: alpha.host,
          cookie,
          body: { roles: ["admin"] },
          params: { userId: ownerId },
        })
      ).status,
    ).toBe(409);
    const ownerUpdates = (await eventsAbout(ownerId)).filter(
      (e) => e.type === "member.updated" && (e.data as { member: { id: string } }).member.id === ownerId,
    );
    expect(ownerUpdates).toEqual([]);

    const events = await eventsAbout(existing.email);
    expect(events.map((e) => e.type)).toEqual(["invitation.created", "invitation.accepted", "member.updated"]);
    expect(events[2]!.data).toMatchObject({
      member: { id: existing.id, roles: ["member", "viewer"] },
      changes: { roles: ["member", "viewer"] },
    });
  });
});
