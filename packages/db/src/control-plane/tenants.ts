import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { dbServers } from "./db-servers";

export const TENANT_STATUSES = ["provisioning", "active", "suspended", "deleting"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/** The tenant registry: one row per tenant, pointing at its database (server + name). */
export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    status: text("status").$type<TenantStatus>().notNull().default("provisioning"),
    serverName: text("server_name")
      .notNull()
      .references(() => dbServers.name, { onUpdate: "cascade" }),
    databaseName: text("database_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("tenants_status_check", sql`${t.status} in ('provisioning', 'active', 'suspended', 'deleting')`),
    index("tenants_server_name_idx").on(t.serverName),
    // A database name is unique per server (two servers may reuse one).
    uniqueIndex("tenants_server_database_uidx").on(t.serverName, t.databaseName),
  ],
);

export type TenantRow = typeof tenants.$inferSelect;
