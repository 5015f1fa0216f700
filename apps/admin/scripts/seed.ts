// `pnpm db:seed` (idempotent): migrates, then creates the black-box contract's demo data —
// tenants acme (Acme Inc) and globex (Globex Corp), each with owner@/admin@/member@/viewer@
// <slug>.test holding the role named by the local part, operators ops@example.test (owner) and
// support@example.test (support), a few projects per tenant. Password: demo-password-1.
// acme also gets an SSO connection against the dev IdP (tooling/oidc-dev-provider, :3005) for
// its verified domain acme.test (JIT role: member, not enforced).
// Existing rows are left as they are (passwords, statuses), so re-running changes nothing.
// Refuses to run with NODE_ENV=production (known passwords); production bootstraps with
// `pnpm admin:create-operator` and `pnpm admin:create-tenant`. Each tenant's demo rows are
// written in one transaction, so a failure leaves no half-seeded tenant.
import { BUILTIN_ROLE_LIST, DEFAULT_ROLE_KEY, type BuiltinRoleKey } from "@repo/auth/rbac";
import { hashPassword } from "@repo/auth/server";
import { getSsoSecretKey, sealClientSecret } from "@repo/auth/sso";
import { operators } from "@repo/db/control-plane";
import { projects, ssoConnection, type TenantDb, userRoles, users } from "@repo/db/tenant";
import { DEV_IDP_CLIENT_ID, DEV_IDP_CLIENT_SECRET, DEV_IDP_ISSUER } from "@repo/oidc-dev-provider";
import { createTenancy, type Tenancy, type Tenant } from "@repo/tenancy";
import { eq } from "drizzle-orm";
import { describeError } from "./describe-error";

const DEMO_PASSWORD = "demo-password-1";
const TENANTS = [
  { slug: "acme", name: "Acme Inc", projects: ["Website redesign", "Mobile app", "Q3 planning"] },
  { slug: "globex", name: "Globex Corp", projects: ["Hammock district", "Magnetic tape archive", "Onboarding"] },
] as const;
/** One demo user per built-in role (a typo, or a role dropped from code, does not compile). */
const TENANT_ROLES = ["owner", "admin", "member", "viewer"] as const satisfies readonly BuiltinRoleKey[];
const OPERATORS = [
  { email: "ops@example.test", name: "Ops", role: "owner" },
  { email: "support@example.test", name: "Support", role: "support" },
] as const;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

async function ensureTenant(tenancy: Tenancy, spec: (typeof TENANTS)[number]): Promise<Tenant> {
  const existing = await tenancy.resolveTenant(spec.slug);
  if (existing && existing.status !== "provisioning") return existing;
  const tenant = await tenancy.provisionTenant({ slug: spec.slug, name: spec.name });
  console.log(`  provisioned tenant ${spec.slug} (${tenant.databaseName} on ${tenant.serverName})`);
  return tenant;
}

async function seedTenantData(tenancy: Tenancy, tenant: Tenant, spec: (typeof TENANTS)[number], passwordHash: string) {
  await tenancy.getTenantDb(tenant.id).transaction((tx) => seedTenantRows(tx, spec, passwordHash));
  console.log(`  ${spec.slug}: ${TENANT_ROLES.length} users, ${spec.projects.length} projects`);
}

async function seedTenantRows(
  db: Pick<TenantDb, "insert" | "select">,
  spec: (typeof TENANTS)[number],
  passwordHash: string,
) {
  let ownerId: string | undefined;
  for (const role of TENANT_ROLES) {
    const email = `${role}@${spec.slug}.test`;
    await db
      .insert(users)
      .values({ email, name: `${spec.name.split(" ")[0]} ${capitalize(role)}`, passwordHash })
      .onConflictDoNothing({ target: users.email });
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    await db.insert(userRoles).values({ userId: user!.id, roleKey: role }).onConflictDoNothing();
    if (role === "owner") ownerId = user!.id;
  }
  const present = new Set((await db.select({ name: projects.name }).from(projects)).map((p) => p.name));
  const missing = spec.projects.filter((name) => !present.has(name));
  if (missing.length > 0)
    await db.insert(projects).values(missing.map((name) => ({ name, createdBy: ownerId ?? null })));
}

/** acme signs in with the dev IdP: issuer http://localhost:3005, domain acme.test, JIT as member. */
async function seedAcmeSso(tenancy: Tenancy, tenant: Tenant): Promise<void> {
  const clientSecretEncrypted = await sealClientSecret(DEV_IDP_CLIENT_SECRET, await getSsoSecretKey(), tenant.id);
  await tenancy
    .getTenantDb(tenant.id)
    .insert(ssoConnection)
    .values({
      issuer: DEV_IDP_ISSUER,
      clientId: DEV_IDP_CLIENT_ID,
      clientSecretEncrypted,
      domains: ["acme.test"],
      defaultRoles: [DEFAULT_ROLE_KEY],
    })
    .onConflictDoNothing();
  console.log(`  acme: SSO connection → ${DEV_IDP_ISSUER} (domain acme.test)`);
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "refusing to seed demo accounts with NODE_ENV=production (they have a known password). " +
        "Create the first operator with `pnpm admin:create-operator --email you@example.com --role owner`.",
    );
  }
  const controlPlaneUrl = process.env.DATABASE_URL;
  if (!controlPlaneUrl) {
    throw new Error(
      "DATABASE_URL is not set. Run `pnpm db:seed` from the repo root (it starts local services) or export DATABASE_URL.",
    );
  }
  const tenancy = createTenancy({
    controlPlaneUrl,
    builtinRoles: BUILTIN_ROLE_LIST,
    resolveEnv: (name) => process.env[name],
    applicationName: "repo-seed",
    // Same secret as the apps, or their tenant roles' passwords would not match.
    ...(process.env.TENANT_DB_ROLE_SECRET ? { roleSecret: process.env.TENANT_DB_ROLE_SECRET } : {}),
  });
  try {
    // Migrations first: the seed must work on an empty database and after schema changes.
    await tenancy.migrateControlPlane();
    await tenancy.ensureDefaultServer({ name: "default", connectionRef: "env:DATABASE_URL" });
    const migrated = await tenancy.migrateAllTenants({ concurrency: 4 }); // also re-syncs built-in roles
    if (migrated.failed.length > 0) {
      throw new Error(
        `migrating tenants failed: ${migrated.failed.map((f) => `${f.tenant.slug}: ${f.error.message}`).join("; ")}`,
      );
    }

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const spec of TENANTS) {
      const tenant = await ensureTenant(tenancy, spec);
      await seedTenantData(tenancy, tenant, spec, passwordHash);
      if (spec.slug === "acme") await seedAcmeSso(tenancy, tenant);
    }

    const controlPlane = tenancy.getControlPlaneDb();
    for (const operator of OPERATORS) {
      await controlPlane
        .insert(operators)
        .values({ ...operator, passwordHash })
        .onConflictDoNothing({ target: operators.email });
    }
    console.log(`  operators: ${OPERATORS.map((o) => `${o.email} (${o.role})`).join(", ")}`);
    console.log(`seed complete — every password is "${DEMO_PASSWORD}"`);
  } finally {
    await tenancy.close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:seed failed: ${describeError(error)}`);
  process.exit(1);
});
