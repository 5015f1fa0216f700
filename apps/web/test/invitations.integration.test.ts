// Invitations end to end through the real route handlers, Postgres (tenant DBs), Redis and SMTP
// (maildev): the mail is read from the catcher and its link followed. Adversarial table: token
// reuse, expired, withdrawn, another tenant's host, email mismatch, roles the inviter lacks.
import { describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined }),
}));

import { verifyPassword } from "@repo/auth/server";
import { invitations, userRoles, users } from "@repo/db/tenant";
import { eq } from "drizzle-orm";
import { GET as listInvitations, POST as createInvitation } from "@/app/api/invitations/route";
import { DELETE as revokeInvitation } from "@/app/api/invitations/[id]/route";
import { POST as resendInvitation } from "@/app/api/invitations/[id]/resend/route";
import { POST as acceptInvitation } from "@/app/api/invitations/accept/route";
import { createRouteCaller } from "./support/call-route";
import { linkIn, waitForMail } from "./support/read-mail";
import { seedUser } from "./support/seed-identity-users";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";
import { getTenantDb } from "@/server/web-root";

const call = createRouteCaller(current);
let alpha: SeededTenant;
let beta: SeededTenant;
useTestPlatform((seeded) => ({ alpha, beta } = seeded));

const newEmail = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@invitee.test`;
const tokenOf = (link: string) => link.split("/invite/")[1]!;

async function ownerCookie(t: SeededTenant) {
  return (await mintSessionCookie(t.tenant, t.users.owner)).cookie;
}

async function invite(t: SeededTenant, email: string, roles: string[] = ["member"], cookie?: string) {
  return call(createInvitation, {
    method: "POST",
    path: "/api/invitations",
    host: t.host,
    cookie: cookie ?? (await ownerCookie(t)),
    body: { email, roles },
  });
}

async function inviteAndReadLink(t: SeededTenant, email: string, roles: string[] = ["member"]) {
  const res = await invite(t, email, roles);
  expect(res.status).toBe(201);
  const mail = await waitForMail(email);
  return { id: res.json!.id as string, link: linkIn(mail, `http://${t.host}/invite/`), mail };
}

const accept = (t: SeededTenant, body: Record<string, unknown>) =>
  call(acceptInvitation, { method: "POST", path: "/api/invitations/accept", host: t.host, body });

describe("invitations", () => {
  it("invites by email: 201, a real mail (text + HTML, tenant named, link on the tenant host), listed as pending", async () => {
    const email = newEmail("fresh");
    const res = await invite(alpha, email, ["member"]);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.any(String),
      email,
      roles: ["member"],
      status: "pending",
      expiresAt: expect.any(String),
      emailSent: true,
    });
    const days = (Date.parse(res.json!.expiresAt as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await waitForMail(email);
    expect(mail.subject).toContain("Alpha Inc");
    expect(mail.text).toContain("Alpha Inc");
    expect(mail.html).toContain("Alpha Inc");
    const link = linkIn(mail, `http://${alpha.host}/invite/`);
    expect(mail.html).toContain(link);
    // Only the hash is stored: the token in the link appears nowhere in the database.
    const rows = await getTenantDb(alpha.tenant.id).select().from(invitations).where(eq(invitations.email, email));
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(tokenOf(link));

    const list = await call(listInvitations, {
      path: "/api/invitations",
      host: alpha.host,
      cookie: await ownerCookie(alpha),
    });
    expect(list.status).toBe(200);
    expect(list.json!.invitations).toEqual(
      expect.arrayContaining([expect.objectContaining({ email, status: "pending" })]),
    );
  });

  it("accepting creates the account with the invitation's email, name, password and roles; the link then works no more", async () => {
    const email = newEmail("accept");
    const { link } = await inviteAndReadLink(alpha, email, ["member"]);
    const res = await accept(alpha, { token: tokenOf(link), name: "Ada Lovelace", password: "correct horse battery" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ email, isNewAccount: true });
    const db = getTenantDb(alpha.tenant.id);
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user!.name).toBe("Ada Lovelace");
    expect(await verifyPassword(user!.passwordHash, "correct horse battery")).toBe(true);
    const roles = await db.select({ key: userRoles.roleKey }).from(userRoles).where(eq(userRoles.userId, user!.id));
    expect(roles.map((r) => r.key)).toEqual(["member"]);

    const again = await accept(alpha, { token: tokenOf(link), name: "Mallory", password: "another long password" });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({
      error: { code: "conflict", message: expect.stringContaining("already been accepted") },
    });
  });

  it("an existing account signs in to accept: wrong password refused, right one adds the roles", async () => {
    const existing = await seedUser(alpha.tenant, { roles: ["viewer"], password: "existing-password-1" });
    const { link } = await inviteAndReadLink(alpha, existing.email, ["member"]);
    expect((await accept(alpha, { token: tokenOf(link), password: "not-the-password" })).status).toBe(401);
    const res = await accept(alpha, { token: tokenOf(link), password: "existing-password-1" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ email: existing.email, isNewAccount: false });
    const roles = await getTenantDb(alpha.tenant.id)
      .select({ key: userRoles.roleKey })
      .from(userRoles)
      .where(eq(userRoles.userId, existing.id));
    expect(roles.map((r) => r.key).sort()).toEqual(["member", "viewer"]);
  });

  it("adversarial tokens: reuse, expired, withdrawn, resent (old link), other tenant's host, malformed, email mismatch", async () => {
    const db = getTenantDb(alpha.tenant.id);
    const password = "a perfectly long password";

    const expired = await inviteAndReadLink(alpha, newEmail("expired"));
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.id));

    const withdrawn = await inviteAndReadLink(alpha, newEmail("withdrawn"));
    const del = await call(revokeInvitation, {
      method: "DELETE",
      path: `/api/invitations/${withdrawn.id}`,
      host: alpha.host,
      cookie: await ownerCookie(alpha),
      params: { id: withdrawn.id },
    });
    expect(del.status).toBe(204);

    const resentEmail = newEmail("resent");
    const resent = await inviteAndReadLink(alpha, resentEmail);
    const again = await call(resendInvitation, {
      method: "POST",
      path: `/api/invitations/${resent.id}/resend`,
      host: alpha.host,
      cookie: await ownerCookie(alpha),
      params: { id: resent.id },
    });
    expect(again.status).toBe(200);
    const newLink = linkIn(await waitForMail(resentEmail, { count: 2 }), `http://${alpha.host}/invite/`);
    expect(newLink).not.toBe(resent.link);

    const foreign = await inviteAndReadLink(alpha, newEmail("foreign"));

    const cases: [string, SeededTenant, Record<string, unknown>, number, string][] = [
      ["expired", alpha, { token: tokenOf(expired.link), name: "X", password }, 409, "expired"],
      ["withdrawn", alpha, { token: tokenOf(withdrawn.link), name: "X", password }, 409, "withdrawn"],
      ["old link after resend", alpha, { token: tokenOf(resent.link), name: "X", password }, 404, "not valid"],
      ["alpha's token on beta's host", beta, { token: tokenOf(foreign.link), name: "X", password }, 404, "not valid"],
      ["malformed token", alpha, { token: "../../etc/passwd", name: "X", password }, 400, ""],
      ["unknown token", alpha, { token: "A".repeat(43), name: "X", password }, 404, "not valid"],
      [
        "email smuggled in",
        alpha,
        { token: tokenOf(foreign.link), name: "X", password, email: "attacker@evil.test" },
        400,
        "",
      ],
    ];
    for (const [label, t, body, status, text] of cases) {
      const res = await accept(t, body);
      expect(res.status, label).toBe(status);
      expect(res.text, label).toContain(text);
    }
    // The new link still works, and the foreign invitation is still acceptable on its own host.
    expect((await accept(alpha, { token: tokenOf(newLink), name: "Resent", password })).status).toBe(200);
    expect((await accept(alpha, { token: tokenOf(foreign.link), name: "Home", password })).status).toBe(200);
    const created = await db.select({ email: users.email }).from(users).where(eq(users.email, "attacker@evil.test"));
    expect(created).toEqual([]);
  });

  it("never grants a permission the inviter lacks; needs members:write; roles must exist; one pending per email", async () => {
    const admin = await seedUser(alpha.tenant, { roles: ["admin"] });
    const adminCookie = (await mintSessionCookie(alpha.tenant, admin)).cookie;
    const viewerCookie = (await mintSessionCookie(alpha.tenant, alpha.users.viewer)).cookie;
    const email = newEmail("grant");
    const cases: [string, string[], string, number][] = [
      ["admin invites an owner (tenant:manage)", ["owner"], adminCookie, 403],
      ["admin invites owner+member", ["member", "owner"], adminCookie, 403],
      ["viewer (no members:write) invites a viewer", ["viewer"], viewerCookie, 403],
      ["unknown role", ["wizard"], adminCookie, 400],
      ["no roles", [], adminCookie, 400],
      ["admin invites an admin", ["admin"], adminCookie, 201],
      ["second pending invitation", ["member"], adminCookie, 409],
    ];
    for (const [label, roles, cookie, status] of cases) {
      expect((await invite(alpha, email, roles, cookie)).status, label).toBe(status);
    }
    const badEmail = await invite(alpha, "not-an-email", ["member"], adminCookie);
    expect(badEmail.status).toBe(400);
    expect(badEmail.json).toMatchObject({
      error: { code: "invalid_request", fields: { email: [expect.any(String)] } },
    });
  });

  it("refuses cross-site requests and requests without a session", async () => {
    const cookie = await ownerCookie(alpha);
    const crossSite = await call(createInvitation, {
      method: "POST",
      path: "/api/invitations",
      host: alpha.host,
      cookie,
      headers: { origin: `http://${beta.host}` },
      body: { email: newEmail("csrf"), roles: ["member"] },
    });
    expect(crossSite.status).toBe(403);
    expect((await call(listInvitations, { path: "/api/invitations", host: alpha.host })).status).toBe(401);
    const foreignCookie = await ownerCookie(beta);
    expect(
      (await call(listInvitations, { path: "/api/invitations", host: alpha.host, cookie: foreignCookie })).status,
    ).toBe(401);
  });
});
