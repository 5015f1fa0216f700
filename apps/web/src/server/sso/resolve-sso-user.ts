// Turns an IdP identity into a user of this tenant: the already-linked user, a verified-email
// link to an existing account, or a JIT-provisioned account with the connection's default roles
// — as `decideSsoAccount` says. All writes go to the tenant's own database.
import { and, eq, inArray } from "drizzle-orm";
import type { AuthTenant, AuthUserRecord } from "@repo/auth/server";
import { decideSsoAccount, toExternalIdentity, TENANT_SSO_PROVIDER_ID, type ExternalIdentity } from "@repo/auth/sso";
import { roles, userIdentities, userRoles, users, type TenantDb } from "@repo/db/tenant";
import { findUserByEmail } from "../tenant-auth-deps";
import { loadSsoConnectionRow } from "./load-sso-connection";
import { getTenantDb } from "@/server/web-root";

type Resolution = { ok: true; user: AuthUserRecord } | { ok: false; code: string };

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  passwordHash: users.passwordHash,
  disabled: users.disabled,
};

export async function resolveSsoUser(
  tenant: AuthTenant,
  input: { providerId: string; profile: Record<string, unknown> },
): Promise<Resolution> {
  const connection = await loadSsoConnectionRow(tenant.id);
  const issuer = input.providerId === TENANT_SSO_PROVIDER_ID ? connection?.issuer : undefined;
  if (input.providerId === TENANT_SSO_PROVIDER_ID && !connection) return { ok: false, code: "sso_unavailable" };
  const identity = toExternalIdentity(input.providerId, issuer, input.profile);
  if (!identity) return { ok: false, code: "sso_email_unverified" };
  const db = getTenantDb(tenant.id);
  const name =
    typeof input.profile.name === "string" && input.profile.name.trim()
      ? input.profile.name.trim().slice(0, 200)
      : null;

  // One retry: a concurrent first sign-in of the same person may win the insert race.
  for (let attempt = 0; ; attempt++) {
    const decision = decideSsoAccount({
      identity,
      linked: await findLinkedUser(db, identity),
      byEmail: identity.email ? await findUserByEmail(tenant.id, identity.email) : null,
      verifiedDomains: connection?.domains ?? [],
    });
    try {
      switch (decision.type) {
        case "refuse":
          return { ok: false, code: decision.code };
        case "existing":
          return { ok: true, user: decision.user };
        case "link":
          await db.insert(userIdentities).values({ ...identityRow(identity), userId: decision.user.id });
          return { ok: true, user: decision.user };
        case "provision":
          return {
            ok: true,
            user: await provisionUser(db, identity, decision.email, name, connection?.defaultRoles ?? []),
          };
      }
    } catch (error) {
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function findLinkedUser(db: TenantDb, identity: ExternalIdentity): Promise<AuthUserRecord | null> {
  const [row] = await db
    .select(userColumns)
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, identity.provider), eq(userIdentities.subject, identity.subject)))
    .limit(1);
  return row ?? null;
}

async function provisionUser(
  db: TenantDb,
  identity: ExternalIdentity,
  email: string,
  name: string | null,
  defaultRoles: string[],
) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, name: name ?? email, passwordHash: null })
      .returning(userColumns);
    // Only roles that still exist (a custom role may have been deleted since the connection was saved).
    const existing = defaultRoles.length
      ? await tx.select({ key: roles.key }).from(roles).where(inArray(roles.key, defaultRoles))
      : [];
    if (existing.length) await tx.insert(userRoles).values(existing.map((r) => ({ userId: user!.id, roleKey: r.key })));
    await tx.insert(userIdentities).values({ ...identityRow(identity), userId: user!.id });
    return user!;
  });
}

function identityRow(identity: ExternalIdentity) {
  return { provider: identity.provider, subject: identity.subject, email: identity.email ?? "" };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
