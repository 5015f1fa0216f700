import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only audit trail of operator actions. The database enforces append-only: a trigger
 * (migration 0001) rejects UPDATE, DELETE and TRUNCATE. `id` is monotonic: use it as the cursor.
 * `tenantId` is not a foreign key so entries outlive deleted tenants; `tenantSlug` keeps them readable.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Who acted: an operator email, `api-token:<id>`, or `system`. */
    actor: text("actor").notNull(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    tenantId: uuid("tenant_id"),
    tenantSlug: text("tenant_slug"),
    target: text("target"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_tenant_idx").on(t.tenantId, t.id),
    index("audit_log_actor_idx").on(t.actor, t.id),
    index("audit_log_action_idx").on(t.action, t.id),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
