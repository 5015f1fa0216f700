// The SSO account policy against real tenant databases: JIT provisioning with the connection's
// default roles, verified-email linking, refusals that write nothing, disabled users, enforcement,
// and the providers a tenant host offers (client secret opened from its sealed form).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getSsoSecretKey, sealClientSecret } from "@repo/auth/sso";
import { ssoConnection, userIdentities, users } from "@repo/db/tenant";
import { isSsoEnforcedFor } from "@/server/sso/is-sso-enforced-for";
import { buildSignInProviders } from "@/server/sso/list-sign-in-providers";
import { resolveSsoUser } from "@/server/sso/resolve-sso-user";
import { loadRoles } from "@/server/tenant-auth-deps";
import { useTestPlatform, type SeededTenant } from "./support/test-platform";
import { getTenantDb } from "@/server/web-root";

let alpha: SeededTenant;
let beta: SeededTenant;
let domain: string;
useTestPlatform(async (seeded) => {
  ({ alpha, beta } = seeded);
});

const ISSUER = "http://localhost:3005";
const profile = (sub: string, email: string, verified = true) => ({
  sub,
  email,
  email_verified: verified,
  name: `User ${sub}`,
});
const signIn = (tenant: SeededTenant, p: Record<string, unknown>) =>
  resolveSsoUser({ ...tenant.tenant, status: "active" }, { providerId: "sso", profile: p });
const countUsers = async (tenant: SeededTenant) =>
  (await getTenantDb(tenant.tenant.id).select({ id: users.id }).from(users)).length;

describe("SSO accounts", () => {
  it("setup: alpha has a connection for its own domain (JIT role member), beta has none", async () => {
    domain = `${alpha.tenant.slug}.test`;
    const clientSecretEncrypted = await sealClientSecret("s3cret", await getSsoSecretKey(), alpha.tenant.id);
    await getTenantDb(alpha.tenant.id)
      .insert(ssoConnection)
      .values({
        issuer: ISSUER,
        clientId: "platform-dev",
        clientSecretEncrypted,
        domains: [domain],
        defaultRoles: ["member"],
      });
    const providers = (await buildSignInProviders({ ...alpha.tenant, status: "active" })) as unknown as Record<
      string,
      unknown
    >[];
    expect(providers.map((p) => [p.id, p.issuer, p.clientSecret])).toEqual([["sso", ISSUER, "s3cret"]]);
    expect(await buildSignInProviders({ ...beta.tenant, status: "active" })).toEqual([]);
  });

  it("provisions a verified new user once (JIT) with the default roles; the next sign-in finds the link", async () => {
    const first = await signIn(alpha, profile("jit-1", `New.Person@${domain.toUpperCase()}`));
    expect(first).toMatchObject({
      ok: true,
      user: { email: `new.person@${domain}`, name: "User jit-1", passwordHash: null },
    });
    const userId = first.ok ? first.user.id : "";
    expect((await loadRoles(alpha.tenant.id, userId)).roles).toEqual(["member"]);
    const again = await signIn(alpha, profile("jit-1", `new.person@${domain}`));
    expect(again).toMatchObject({ ok: true, user: { id: userId } });
  });

  it("concurrent first sign-ins of the same person yield one account", async () => {
    const results = await Promise.all([0, 1, 2].map(() => signIn(alpha, profile("race-1", `race@${domain}`))));
    const ids = new Set(results.map((r) => (r.ok ? r.user.id : r.code)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("links an existing password account only for a verified email on a verified domain", async () => {
    const result = await signIn(alpha, profile("owner-sub", alpha.users.owner.email));
    expect(result).toMatchObject({ ok: true, user: { id: alpha.users.owner.id } });
    const links = await getTenantDb(alpha.tenant.id)
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, alpha.users.owner.id));
    expect(links).toMatchObject([{ provider: `oidc:${ISSUER}`, subject: "owner-sub" }]);
  });

  it.each([
    [
      "an unverified email (even one matching an account)",
      () => profile("u-1", `viewer@${domain}`, false),
      "sso_email_unverified",
    ],
    ["a domain the tenant did not verify", () => profile("u-2", "someone@globex.test"), "sso_domain_not_allowed"],
    ["no email claim", () => ({ sub: "u-3", email_verified: true }), "sso_email_unverified"],
  ])("refuses %s and writes nothing", async (_name, makeProfile, code) => {
    const before = await countUsers(alpha);
    expect(await signIn(alpha, makeProfile())).toEqual({ ok: false, code });
    expect(await countUsers(alpha)).toBe(before);
  });

  it("refuses a tenant without a connection", async () => {
    expect(await signIn(beta, profile("b-1", `x@${beta.tenant.slug}.test`))).toEqual({
      ok: false,
      code: "sso_unavailable",
    });
  });

  it("refuses a disabled user, linked or not", async () => {
    await getTenantDb(alpha.tenant.id).update(users).set({ disabled: true }).where(eq(users.id, alpha.users.viewer.id));
    expect(await signIn(alpha, profile("viewer-sub", alpha.users.viewer.email))).toEqual({
      ok: false,
      code: "account_disabled",
    });
    await getTenantDb(alpha.tenant.id).update(users).set({ disabled: true }).where(eq(users.id, alpha.users.owner.id));
    expect(await signIn(alpha, profile("owner-sub", alpha.users.owner.email))).toEqual({
      ok: false,
      code: "account_disabled",
    });
    await getTenantDb(alpha.tenant.id).update(users).set({ disabled: false }).where(eq(users.id, alpha.users.owner.id));
  });

  it("isSsoEnforcedFor follows the connection's enforced flag and domains", async () => {
    expect(await isSsoEnforcedFor(alpha.tenant, alpha.users.owner.email)).toBe(false);
    await getTenantDb(alpha.tenant.id).update(ssoConnection).set({ enforced: true });
    expect(await isSsoEnforcedFor(alpha.tenant, alpha.users.owner.email)).toBe(true);
    expect(await isSsoEnforcedFor(alpha.tenant, "someone@other.test")).toBe(false);
    expect(await isSsoEnforcedFor(beta.tenant, beta.users.owner.email)).toBe(false);
  });
});
