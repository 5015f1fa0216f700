// Members (role change, removal, last-owner rule) and own account (password change, sessions)
// through the real route handlers, Postgres and Redis. Removal and password changes must end
// sessions at once: the cookies minted before are refused on the very next request.
import { describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined }),
}));

import { removeMember as removeMemberOperation } from "@repo/auth/identity";
import { verifyPassword } from "@repo/auth/server";
import { users } from "@repo/db/tenant";
import { eq } from "drizzle-orm";
import { GET as getMe } from "@/app/api/me/route";
import { POST as changePassword } from "@/app/api/me/password/route";
import { GET as listSessions } from "@/app/api/me/sessions/route";
import { DELETE as endSession } from "@/app/api/me/sessions/[sid]/route";
import { DELETE as removeMember, PATCH as patchMember } from "@/app/api/members/[userId]/route";
import { createRouteCaller } from "./support/call-route";
import { recordSessionRow, seedUser } from "./support/seed-identity-users";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";
import { getTenantDb } from "@/server/web-root";

const call = createRouteCaller(current);
let alpha: SeededTenant;
let beta: SeededTenant;
useTestPlatform((seeded) => ({ alpha, beta } = seeded));

const patch = (t: SeededTenant, cookie: string, userId: string, body: unknown) =>
  call(patchMember, {
    method: "PATCH",
    path: `/api/members/${userId}`,
    host: t.host,
    cookie,
    body,
    params: { userId },
  });
const remove = (t: SeededTenant, cookie: string, userId: string) =>
  call(removeMember, { method: "DELETE", path: `/api/members/${userId}`, host: t.host, cookie, params: { userId } });
const me = (t: SeededTenant, cookie: string) => call(getMe, { path: "/api/me", host: t.host, cookie });

describe("members", () => {
  it("changes roles (effective on the next request) and refuses what the actor may not do", async () => {
    const owner = (await mintSessionCookie(alpha.tenant, alpha.users.owner)).cookie;
    const admin = await seedUser(alpha.tenant, { roles: ["admin"] });
    const adminCookie = (await mintSessionCookie(alpha.tenant, admin)).cookie;
    const target = await seedUser(alpha.tenant, { roles: ["viewer"] });
    const targetCookie = (await mintSessionCookie(alpha.tenant, target)).cookie;

    const res = await patch(alpha, adminCookie, target.id, { roles: ["member"] });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: target.id, roles: ["member"] });
    expect((await me(alpha, targetCookie)).json).toMatchObject({ roles: ["member"] });

    const cases: [string, string, string, unknown, number][] = [
      ["admin grants owner", adminCookie, target.id, { roles: ["owner"] }, 403],
      ["admin demotes the owner", adminCookie, alpha.users.owner.id, { roles: ["viewer"] }, 403],
      ["unknown role", owner, target.id, { roles: ["wizard"] }, 400],
      ["empty roles", owner, target.id, { roles: [] }, 400],
      ["unknown member", owner, crypto.randomUUID(), { roles: ["viewer"] }, 404],
      ["not a uuid", owner, "1 or 1=1", { roles: ["viewer"] }, 404],
      ["another tenant's member", owner, beta.users.viewer.id, { roles: ["viewer"] }, 404],
      ["the last owner demotes themselves", owner, alpha.users.owner.id, { roles: ["admin"] }, 409],
    ];
    for (const [label, cookie, userId, body, status] of cases) {
      expect((await patch(alpha, cookie, userId, body)).status, label).toBe(status);
    }
  });

  it("removes a member and ends their sessions at once; the last owner can't be removed", async () => {
    const owner = (await mintSessionCookie(alpha.tenant, alpha.users.owner)).cookie;
    const target = await seedUser(alpha.tenant, { roles: ["member"] });
    const targetCookie = (await mintSessionCookie(alpha.tenant, target)).cookie;
    expect((await me(alpha, targetCookie)).status).toBe(200);

    expect((await remove(alpha, owner, target.id)).status).toBe(204);
    expect((await me(alpha, targetCookie)).status).toBe(401);
    expect(await getTenantDb(alpha.tenant.id).select().from(users).where(eq(users.id, target.id))).toEqual([]);
    expect((await remove(alpha, owner, target.id)).status).toBe(404);

    const last = await remove(alpha, owner, alpha.users.owner.id);
    expect(last.status).toBe(409);
    expect(last.text).toContain("at least one owner");
    // With a second owner, the first may go.
    const second = await seedUser(beta.tenant, { roles: ["owner"] });
    const betaOwner = (await mintSessionCookie(beta.tenant, beta.users.owner)).cookie;
    expect((await remove(beta, betaOwner, second.id)).status).toBe(204);
  });

  it("a revocation Redis refuses leaves the member in place (nothing half done)", async () => {
    const target = await seedUser(alpha.tenant, { roles: ["member"] });
    const attempt = removeMemberOperation(getTenantDb(alpha.tenant.id), {
      actor: { kind: "operator", operatorId: "test" },
      userId: target.id,
      revokeSessions: async () => {
        throw new Error("redis unavailable");
      },
    });
    await expect(attempt).rejects.toThrow("redis unavailable");
    expect(
      await getTenantDb(alpha.tenant.id).select({ id: users.id }).from(users).where(eq(users.id, target.id)),
    ).toHaveLength(1);
  });
});

describe("own account", () => {
  it("lists own sessions with device, IP and last use, and ends one (refused at once); others' sids are 404", async () => {
    const user = await seedUser(alpha.tenant, { roles: ["viewer"], password: "old-password-123" });
    const a = await mintSessionCookie(alpha.tenant, user);
    const b = await mintSessionCookie(alpha.tenant, user);
    await recordSessionRow(alpha.tenant, user.id, a.sid);
    await recordSessionRow(
      alpha.tenant,
      user.id,
      b.sid,
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1",
    );
    const otherUser = (await mintSessionCookie(alpha.tenant, alpha.users.owner)).sid;
    await recordSessionRow(alpha.tenant, alpha.users.owner.id, otherUser);

    const list = await call(listSessions, { path: "/api/me/sessions", host: alpha.host, cookie: a.cookie });
    expect(list.status).toBe(200);
    const sessions = list.json!.sessions as {
      sid: string;
      device: string;
      ip: string;
      lastUsedAt: string;
      isCurrent: boolean;
    }[];
    expect(sessions.map((s) => s.sid).sort()).toEqual([a.sid, b.sid].sort());
    expect(sessions.find((s) => s.sid === a.sid)).toMatchObject({
      device: "Chrome on Linux",
      ip: "203.0.113.7",
      isCurrent: true,
      lastUsedAt: expect.any(String),
    });
    expect(sessions.find((s) => s.sid === b.sid)).toMatchObject({ device: "Safari on iOS", isCurrent: false });

    const end = (sid: string) =>
      call(endSession, {
        method: "DELETE",
        path: `/api/me/sessions/${sid}`,
        host: alpha.host,
        cookie: a.cookie,
        params: { sid },
      });
    expect((await end(otherUser)).status).toBe(404);
    expect((await end("x")).status).toBe(404);
    expect((await end(b.sid)).status).toBe(204);
    expect((await me(alpha, b.cookie)).status).toBe(401);
    expect((await me(alpha, a.cookie)).status).toBe(200);
    expect((await end(b.sid)).status).toBe(404);
  });

  it("changes the password with the current one; every other session ends, this one stays", async () => {
    const user = await seedUser(alpha.tenant, { roles: ["viewer"], password: "old-password-123" });
    const mine = await mintSessionCookie(alpha.tenant, user);
    const other = await mintSessionCookie(alpha.tenant, user);
    await recordSessionRow(alpha.tenant, user.id, mine.sid);
    await recordSessionRow(alpha.tenant, user.id, other.sid);
    const post = (body: unknown) =>
      call(changePassword, { method: "POST", path: "/api/me/password", host: alpha.host, cookie: mine.cookie, body });

    expect((await post({ currentPassword: "wrong-password", newPassword: "new-password-456" })).status).toBe(401);
    expect((await post({ currentPassword: "old-password-123", newPassword: "short" })).status).toBe(400);
    expect((await post({ newPassword: "new-password-456" })).status).toBe(400);
    expect((await me(alpha, other.cookie)).status).toBe(200);

    expect((await post({ currentPassword: "old-password-123", newPassword: "new-password-456" })).status).toBe(204);
    expect((await me(alpha, other.cookie)).status).toBe(401);
    expect((await me(alpha, mine.cookie)).status).toBe(200);
    const [row] = await getTenantDb(alpha.tenant.id).select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash, "new-password-456")).toBe(true);
  });
});
