import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Transactional outbox: an auth event written in the SAME transaction as the change it describes
 * (tenant DB for sign-ins and member changes, control plane for tenant status). The webhook
 * relay moves rows to the control plane's delivery queue and deletes them. Both schemas include
 * this one table definition, so `appendEvent(tx, …)` from @repo/webhooks works on either.
 */
export const outboxEvents = pgTable(
  "outbox_events",
  {
    /** Relay order (monotonic). */
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Public event id (`evt_…`), sent as `webhook-id`: stable across retries and duplicates. */
    id: text("id").notNull().unique(),
    type: text("type").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set in the control plane (which holds many tenants); null in a tenant DB (the DB is the tenant). */
    tenantId: uuid("tenant_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("outbox_events_occurred_at_idx").on(t.occurredAt)],
);

export type OutboxEventRow = typeof outboxEvents.$inferSelect;
