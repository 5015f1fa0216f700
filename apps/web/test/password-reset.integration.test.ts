// Password reset through the real route handlers, Postgres, Redis and SMTP (maildev): the mail
// is read and its link followed. OWASP Forgot Password: same 202 body for known and unknown
// emails, single-use 1 h links bound to the tenant, every session ended, per-email/IP limits.
// The timing figures for known vs unknown emails are printed as `[figures]` lines.
import { describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined }),
}));
vi.stubEnv("PASSWORD_RESET_RATE_LIMIT_EMAIL", "3");
vi.stubEnv("PASSWORD_RESET_RATE_LIMIT_IP", "10000");

import { verifyPassword } from "@repo/auth/server";
import { passwordResetTokens, users } from "@repo/db/tenant";
import { eq } from "drizzle-orm";
import { POST as forgot } from "@/app/api/auth/password/forgot/route";
import { POST as reset } from "@/app/api/auth/password/reset/route";
import { GET as getMe } from "@/app/api/me/route";
import { createRouteCaller } from "./support/call-route";
import { linkIn, listMailTo, waitForMail } from "./support/read-mail";
import { seedUser } from "./support/seed-identity-users";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";
import { getTenantDb } from "@/server/web-root";

const call = createRouteCaller(current);
let alpha: SeededTenant;
let beta: SeededTenant;
useTestPlatform((seeded) => ({ alpha, beta } = seeded));

const askReset = (t: SeededTenant, email: string, ip = "198.51.100.1") =>
  call(forgot, {
    method: "POST",
    path: "/api/auth/password/forgot",
    host: t.host,
    body: { email },
    headers: { "x-forwarded-for": ip },
  });
const doReset = (t: SeededTenant, token: string, password: string) =>
  call(reset, { method: "POST", path: "/api/auth/password/reset", host: t.host, body: { token, password } });
const tokenOf = (link: string) => link.split("/reset-password/")[1]!;

describe("password reset", () => {
  it("answers 202 with the same body for known and unknown emails; only the known one gets a mail", async () => {
    const user = await seedUser(alpha.tenant, { roles: ["viewer"], password: "old-password-123" });
    const unknown = `nobody-${crypto.randomUUID().slice(0, 8)}@alpha.test`;
    const known = await askReset(alpha, user.email);
    const missing = await askReset(alpha, unknown);
    expect(known.status).toBe(202);
    expect(missing.status).toBe(202);
    expect(missing.text).toBe(known.text);
    const mail = await waitForMail(user.email);
    expect(mail.subject).toContain("Alpha Inc");
    expect(mail.html).toContain("Alpha Inc");
    expect(linkIn(mail, `http://${alpha.host}/reset-password/`)).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
    expect(await listMailTo(unknown)).toEqual([]);
  });

  it("follows the mailed link: new password set, every session of the user refused, link single-use", async () => {
    const user = await seedUser(alpha.tenant, { roles: ["viewer"], password: "old-password-123" });
    const session = await mintSessionCookie(alpha.tenant, user);
    expect((await call(getMe, { path: "/api/me", host: alpha.host, cookie: session.cookie })).status).toBe(200);
    await askReset(alpha, user.email);
    const token = tokenOf(linkIn(await waitForMail(user.email), `http://${alpha.host}/reset-password/`));

    expect((await doReset(alpha, token, "short")).status).toBe(400);
    expect((await doReset(alpha, token, "brand-new-password-1")).status).toBe(204);
    expect((await call(getMe, { path: "/api/me", host: alpha.host, cookie: session.cookie })).status).toBe(401);
    const [row] = await getTenantDb(alpha.tenant.id).select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash, "brand-new-password-1")).toBe(true);
    const reuse = await doReset(alpha, token, "attacker-password-1");
    expect(reuse.status).toBe(409);
    expect(reuse.text).toContain("already been used");
  });

  it("adversarial links: expired, another tenant's host, superseded by a newer request, malformed", async () => {
    const user = await seedUser(alpha.tenant, { roles: ["viewer"], password: "old-password-123" });
    await askReset(alpha, user.email);
    const first = tokenOf(linkIn(await waitForMail(user.email), `http://${alpha.host}/reset-password/`));
    await askReset(alpha, user.email);
    const second = tokenOf(linkIn(await waitForMail(user.email, { count: 2 }), `http://${alpha.host}/reset-password/`));
    await askReset(alpha, user.email);
    const third = tokenOf(linkIn(await waitForMail(user.email, { count: 3 }), `http://${alpha.host}/reset-password/`));
    await getTenantDb(alpha.tenant.id)
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.userId, user.id));
    const cases: [string, SeededTenant, string, number][] = [
      ["superseded by a newer link", alpha, first, 409],
      ["second superseded", alpha, second, 409],
      ["expired", alpha, third, 409],
      ["another tenant's host", beta, third, 404],
      ["malformed", alpha, "not-a-token", 400],
      ["unknown", alpha, "B".repeat(43), 404],
    ];
    for (const [label, t, token, status] of cases) {
      expect((await doReset(t, token, "brand-new-password-2")).status, label).toBe(status);
    }
    const [row] = await getTenantDb(alpha.tenant.id).select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash, "old-password-123")).toBe(true);
  });

  it("rate-limits per email (429 for known and unknown alike) and refuses cross-site posts", async () => {
    const user = await seedUser(beta.tenant, { roles: ["viewer"], password: "old-password-123" });
    const unknown = `nobody-${crypto.randomUUID().slice(0, 8)}@beta.test`;
    for (const email of [user.email, unknown]) {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await askReset(beta, email, `198.51.100.${10 + i}`)).status);
      expect(statuses, email).toEqual([202, 202, 202, 429]);
    }
    const crossSite = await call(forgot, {
      method: "POST",
      path: "/api/auth/password/forgot",
      host: beta.host,
      body: { email: user.email },
      headers: { origin: `http://${alpha.host}` },
    });
    expect(crossSite.status).toBe(403);
    expect(
      (
        await call(forgot, {
          method: "POST",
          path: "/api/auth/password/forgot",
          host: "nope.localhost:3000",
          body: { email: user.email },
        })
      ).status,
    ).toBe(404);
  });
});

describe("enumeration timing (figures only: asserted behaviour is above)", () => {
  it("prints the response-time distributions for existing vs unknown emails", async () => {
    const rounds = 40;
    const known: number[] = [];
    const unknown: number[] = [];
    const knownUsers = await Promise.all(
      Array.from({ length: rounds }, () => seedUser(alpha.tenant, { roles: ["viewer"] })),
    );
    for (let i = 0; i < rounds; i++) {
      // Interleaved so machine load hits both samples alike.
      let t0 = performance.now();
      await askReset(alpha, knownUsers[i]!.email, `192.0.2.${i}`);
      known.push(performance.now() - t0);
      t0 = performance.now();
      await askReset(alpha, `ghost-${i}-${crypto.randomUUID().slice(0, 6)}@alpha.test`, `192.0.2.${i}`);
      unknown.push(performance.now() - t0);
    }
    const summary = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1);
      return `min ${s[0]!.toFixed(1)} p25 ${q(0.25)} p50 ${q(0.5)} p75 ${q(0.75)} p90 ${q(0.9)} max ${s.at(-1)!.toFixed(1)} ms`;
    };
    console.log(`[figures] forgot-password existing email (n=${rounds}): ${summary(known)}`);
    console.log(`[figures] forgot-password unknown email  (n=${rounds}): ${summary(unknown)}`);
    expect(known).toHaveLength(rounds);
    // Let the mails sent after the responses finish before the platform is torn down.
    await Promise.all(knownUsers.map((user) => waitForMail(user.email, { timeoutMs: 60_000 })));
  }, 120_000);
});
