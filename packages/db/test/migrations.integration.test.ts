import { auditLog, createControlPlaneDb } from "@repo/db/control-plane";
import { migrateControlPlane, migrateTenant } from "@repo/db/migrations";
import { createTenantDrizzle, projects, roles, userRoles, users } from "@repo/db/tenant";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("DATABASE_URL is not set: run tests through the root vitest config (global setup).");

const suffix = crypto.randomUUID().replace(/-/g, "").slice(0, 10);
const names = { controlPlane: `test_db_cp_${suffix}`, tenant: `test_db_tenant_${suffix}` };
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const urlFor = (database: string) => Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();

beforeAll(async () => {
  await admin.unsafe(`create database "${names.controlPlane}"`);
  await admin.unsafe(`create database "${names.tenant}"`);
});

afterAll(async () => {
  for (const name of Object.values(names)) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

describe("control-plane migrations", () => {
  it("apply once, are idempotent and safe when run concurrently", async () => {
    const sql = postgres(urlFor(names.controlPlane), { max: 4, onnotice: () => {} });
    try {
      const results = await Promise.all([migrateControlPlane(sql), migrateControlPlane(sql), migrateControlPlane(sql)]);
      expect(results.map((r) => r.applied).sort()).toEqual([0, 0, results[0]!.total]);
      expect(await migrateControlPlane(sql)).toEqual({ applied: 0, total: results[0]!.total });
      const [row] = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(row!.n).toBe(results[0]!.total);
    } finally {
      await sql.end();
    }
  });

  it("audit_log is append-only in the database: UPDATE, DELETE and TRUNCATE are rejected", async () => {
    const { db, sql, close } = createControlPlaneDb(urlFor(names.controlPlane));
    try {
      const [entry] = await db
        .insert(auditLog)
        .values({ actor: "ops@example.test", action: "tenant.suspend", metadata: { why: "test" } })
        .returning();
      expect(entry).toMatchObject({ actor: "ops@example.test", metadata: { why: "test" } });
      const failures = await Promise.all([
        db
          .update(auditLog)
          .set({ action: "tampered" })
          .where(eq(auditLog.id, entry!.id))
          .catch((e: unknown) => e),
        db
          .delete(auditLog)
          .where(eq(auditLog.id, entry!.id))
          .catch((e: unknown) => e),
        sql`truncate audit_log`.catch((e: unknown) => e),
      ]);
      for (const failure of failures) {
        const message = String((failure as { cause?: Error }).cause?.message ?? (failure as Error).message);
        expect(message).toMatch(/append-only/);
      }
      const rows = await db.select().from(auditLog);
      expect(rows.map((r) => r.action)).toEqual(["tenant.suspend"]);
    } finally {
      await close();
    }
  });
});

describe("tenant migrations", () => {
  it("create the tenant schema with snake_case columns and working relations", async () => {
    const sql = postgres(urlFor(names.tenant), { max: 2, onnotice: () => {} });
    try {
      const first = await migrateTenant(sql);
      expect(first.applied).toBe(first.total);
      expect((await migrateTenant(sql)).applied).toBe(0);

      const columns =
        await sql`select column_name from information_schema.columns where table_name = 'sessions' order by column_name`;
      expect(columns.map((c) => c.column_name)).toEqual([
        "created_at",
        "expires_at",
        "ip",
        "last_used_at",
        "revoked_at",
        "sid",
        "user_agent",
        "user_id",
      ]);

      const db = createTenantDrizzle(sql);
      await db.insert(roles).values({ key: "viewer", name: "Viewer", permissions: ["projects:read"], builtin: true });
      const [user] = await db.insert(users).values({ email: "a@acme.test", name: "A" }).returning();
      await db.insert(userRoles).values({ userId: user!.id, roleKey: "viewer" });
      await db.insert(projects).values({ name: "P", createdBy: user!.id });
      await expect(db.insert(users).values({ email: "a@acme.test", name: "Dup" })).rejects.toThrow();
      await db.delete(users).where(eq(users.id, user!.id));
      expect(await db.select().from(userRoles)).toEqual([]);
      expect((await db.select().from(projects))[0]!.createdBy).toBeNull();
    } finally {
      await sql.end();
    }
  });
});
