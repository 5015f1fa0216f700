import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Postgres servers that can hold tenant databases. `connectionRef` is either `env:NAME`
 * (the URL lives in that environment variable of every process that routes to the server —
 * preferred: no secrets at rest in the control plane) or a literal `postgres://` URL (dev/tests).
 */
export const dbServers = pgTable("db_servers", {
  name: text("name").primaryKey(),
  connectionRef: text("connection_ref").notNull(),
  /** Maximum number of tenant databases placement may put on this server. */
  capacity: integer("capacity").notNull().default(1000),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type DbServerRow = typeof dbServers.$inferSelect;
