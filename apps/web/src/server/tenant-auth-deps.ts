// What @repo/auth needs from this app to sign tenant users in: host → tenant, user lookups,
// role loading and the session inventory. All tenant data goes through getTenantDb(tenantId),
// where tenantId comes from the validated Host (sign-in) or the verified token (refresh).
// Sign-in and sign-out change the tenant's `sessions` table, so their events (`user.signed_in`,
// `user.signed_out`) are appended to that tenant DB's outbox in the same transaction.
import { and, eq, isNull } from "drizzle-orm";
import type { AuthTenant, AuthUserRecord, SessionRecord } from "@repo/auth/server";
import { roles, sessions, userRoles, users } from "@repo/db/tenant";
import { appendEvent, requestOutboxRelay } from "@repo/webhooks/events";
import { parseTenantSlug } from "@repo/tenancy/host";
import { getEnv } from "@/env";
import { getControlPlaneDb, getTenantDb, resolveTenant } from "@/server/web-root";

/** The tenant with `slug` (cached by the tenancy registry), or null. */
export async function resolveTenantBySlug(slug: string): Promise<AuthTenant | null> {
  const tenant = await resolveTenant(slug);
  return tenant && { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status };
}

/** The tenant addressed by `host`, or null for the apex and unknown or malformed hosts. */
export async function resolveTenantFromHost(host: string | null): Promise<AuthTenant | null> {
  const slug = parseTenantSlug(host, getEnv().ROOT_DOMAIN);
  return slug ? resolveTenantBySlug(slug) : null;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  passwordHash: users.passwordHash,
  disabled: users.disabled,
};

export async function findUserByEmail(tenantId: string, email: string): Promise<AuthUserRecord | null> {
  const [user] = await getTenantDb(tenantId)
    .select(userColumns)
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return user ?? null;
}

export async function findUserById(tenantId: string, userId: string): Promise<AuthUserRecord | null> {
  const [user] = await getTenantDb(tenantId).select(userColumns).from(users).where(eq(users.id, userId)).limit(1);
  return user ?? null;
}

/** The user's role keys plus the tenant's custom roles (built-ins resolve from code). */
export async function loadRoles(tenantId: string, userId: string) {
  const db = getTenantDb(tenantId);
  const [assignments, customRoles] = await Promise.all([
    db.select({ roleKey: userRoles.roleKey }).from(userRoles).where(eq(userRoles.userId, userId)),
    db.select({ key: roles.key, permissions: roles.permissions }).from(roles).where(eq(roles.builtin, false)),
  ]);
  return { roles: assignments.map((a) => a.roleKey).sort(), customRoles };
}

/** Writes the session inventory row at sign-in (never per request) and its `user.signed_in` event. */
export async function recordSession(session: SessionRecord): Promise<void> {
  const userAgent = session.userAgent?.slice(0, 512) ?? null;
  await getTenantDb(session.tenantId).transaction(async (tx) => {
    await tx.insert(sessions).values({
      sid: session.sid,
      userId: session.userId,
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
      ip: session.ip,
      userAgent,
    });
    const [account] = await tx.select({ email: users.email }).from(users).where(eq(users.id, session.userId));
    // The event's time is the insert's (not `session.createdAt`: whole seconds, so up to 1 s before
    // the commit, and an endpoint created in that second would miss its first sign-in).
    await appendEvent(tx, {
      type: "user.signed_in",
      data: {
        user: { id: session.userId, email: account?.email ?? "" },
        session: { id: session.sid, expiresAt: session.expiresAt.toISOString() },
        method: session.method,
        ip: session.ip,
        userAgent,
      },
    });
  });
  // Not awaited: delivery is the worker's job, never sign-in's latency.
  void requestOutboxRelay(getControlPlaneDb(), { tenantId: session.tenantId });
}

/** Marks the inventory row revoked after sign-out revoked the session in Redis, with its `user.signed_out` event. */
export async function markSessionSignedOut(session: { tenantId: string; userId: string; sid: string }): Promise<void> {
  await getTenantDb(session.tenantId).transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.sid, session.sid), isNull(sessions.revokedAt)));
    await appendEvent(tx, {
      type: "user.signed_out",
      data: { user: { id: session.userId }, session: { id: session.sid } },
    });
  });
  void requestOutboxRelay(getControlPlaneDb(), { tenantId: session.tenantId });
}
