// Integration-test support: a private control-plane database on the real Postgres from the
// global setup, two provisioned tenants with users and a project, and helpers to mint session
// cookies with the platform's own signing keys. Everything is dropped by `cleanup()`.
import { BUILTIN_ROLE_LIST, type Permission, resolvePermissions } from "@repo/auth/rbac";
import { sessionCookieName } from "@repo/auth/config";
import { getAuthSettings, getSigningKeys } from "@repo/auth/settings";
import { generateSigningJwk, signSessionToken } from "@repo/auth/token";
import { projects, userRoles, users } from "@repo/db/tenant";
import {
  closeTenancy,
  configureTenancy,
  controlPlaneRuntimeRoleName,
  getTenancy,
  getTenantDb,
  migrateControlPlaneDatabase,
  type Tenant,
} from "@repo/tenancy";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";

export const ROOT_DOMAIN = "localhost:3000";

const suffix = () => crypto.randomUUID().replace(/-/g, "").slice(0, 8);

export type SeededUser = { id: string; email: string; roles: string[] };
export type SeededTenant = {
  tenant: Tenant;
  host: string;
  users: Record<"owner" | "viewer", SeededUser>;
  projectId: string;
};

/** Points this process's env at a fresh control plane and provisions two tenants. */
/** `tenantCacheTtlMs`: the registry cache TTL (0 = off, the default for decision tests). */
/** `routeUrl`: rewrite the control-plane / Upstash URL the apps use (e.g. through a fault proxy). */
export type TestPlatformOptions = {
  tenantCacheTtlMs?: number;
  routeUrl?: (kind: "control-plane" | "upstash", url: string) => string;
};

export async function startTestPlatform(options: TestPlatformOptions = {}) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !process.env.UPSTASH_REDIS_REST_URL) {
    throw new Error("DATABASE_URL / UPSTASH_* missing: run through the root vitest config (global setup).");
  }
  const controlPlaneName = `web_it_cp_${suffix()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${controlPlaneName}"`);
  const controlPlaneUrl = new URL(serverUrl);
  controlPlaneUrl.pathname = `/${controlPlaneName}`;
  // Migrations + the runtime role the apps connect as (what `pnpm db:migrate` does).
  await migrateControlPlaneDatabase(controlPlaneUrl.toString(), { roleSecret: process.env.TENANT_DB_ROLE_SECRET });

  // Env is parsed lazily by every package, so setting it before first use configures them all.
  process.env.WEB_IT_SERVER_URL = serverUrl;
  process.env.DATABASE_URL =
    options.routeUrl?.("control-plane", controlPlaneUrl.toString()) ?? controlPlaneUrl.toString();
  if (options.routeUrl)
    process.env.UPSTASH_REDIS_REST_URL = options.routeUrl("upstash", process.env.UPSTASH_REDIS_REST_URL!);
  process.env.ROOT_DOMAIN = ROOT_DOMAIN;
  process.env.AUTH_SIGNING_KEYS = JSON.stringify({ keys: [await generateSigningJwk("ES256")] });
  process.env.AUTH_SECRET = "integration-test-secret-0123456789";
  process.env.TENANT_CACHE_TTL_MS = String(options.tenantCacheTtlMs ?? 0);
  // These tests are about decisions, not latency: on a loaded 2-core machine the 50 ms
  // production budget would turn slow ticks into (correct, fail-closed) 503s.
  process.env.REVOCATION_TIMEOUT_MS = "2000";

  configureTenancy({ builtinRoles: BUILTIN_ROLE_LIST });
  await getTenancy().registerServer({ name: "primary", connectionRef: "env:WEB_IT_SERVER_URL" });
  const alpha = await seedTenant(`alpha-${suffix()}`, "Alpha Inc");
  const beta = await seedTenant(`beta-${suffix()}`, "Beta Corp");

  const cleanup = async () => {
    const tenants = await getTenancy().listTenants({ limit: 1000 });
    await closeTenancy();
    for (const t of tenants) {
      await admin.unsafe(`drop database if exists "${t.databaseName}" with (force)`);
      await admin.unsafe(`drop role if exists "${t.databaseName}"`);
    }
    await admin.unsafe(`drop database if exists "${controlPlaneName}" with (force)`);
    await admin.unsafe(`drop role if exists "${controlPlaneRuntimeRoleName(controlPlaneName)}"`);
    await admin.end();
  };
  return { alpha, beta, cleanup };
}

async function seedTenant(slug: string, name: string): Promise<SeededTenant> {
  const tenant = await getTenancy().provisionTenant({ slug, name });
  const db = getTenantDb(tenant.id);
  const seeded = {} as Record<"owner" | "viewer", SeededUser>;
  for (const role of ["owner", "viewer"] as const) {
    const email = `${role}@${slug}.test`;
    const [user] = await db
      .insert(users)
      .values({ email, name: `${role} of ${name}` })
      .returning({ id: users.id });
    await db.insert(userRoles).values({ userId: user!.id, roleKey: role });
    seeded[role] = { id: user!.id, email, roles: [role] };
  }
  const [project] = await db
    .insert(projects)
    .values({ name: `Secret plan of ${name}`, createdBy: seeded.owner.id })
    .returning({ id: projects.id });
  return { tenant, host: `${slug}.${ROOT_DOMAIN}`, users: seeded, projectId: project!.id };
}

/** A session cookie for `user` of `tenant`, signed with the platform keys (as sign-in would). */
export async function mintSessionCookie(
  tenant: Tenant,
  user: SeededUser,
  overrides: { permissions?: Permission[]; sid?: string } = {},
): Promise<{ cookie: string; sid: string; token: string }> {
  const settings = getAuthSettings();
  const now = Math.floor(Date.now() / 1000);
  const sid = overrides.sid ?? crypto.randomUUID();
  const token = await signSessionToken(
    {
      sub: user.id,
      tid: tenant.id,
      sid,
      auth_time: now,
      roles: user.roles,
      permissions: overrides.permissions ?? resolvePermissions(user.roles),
      email: user.email,
    },
    await getSigningKeys(),
    { issuer: settings.issuer, audience: tenant.id, expiresInSeconds: 600, now },
  );
  return { cookie: `${sessionCookieName("tenant", settings.secureCookies)}=${token}`, sid, token };
}

/**
 * Starts a platform for one test file (before its tests; cleaned up after) and hands the seeded
 * tenants to `onReady`: `useTestPlatform(({ alpha, beta }) => ({ alpha, beta } = …))`.
 */
export function useTestPlatform(
  onReady: (seeded: { alpha: SeededTenant; beta: SeededTenant }) => void,
  options: TestPlatformOptions = {},
): void {
  let platform: Awaited<ReturnType<typeof startTestPlatform>> | undefined;
  beforeAll(async () => {
    platform = await startTestPlatform(options);
    onReady(platform);
  }, 120_000);
  afterAll(async () => {
    await platform?.cleanup();
  });
}
