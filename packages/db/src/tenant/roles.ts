import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Roles in this tenant. `builtin = true` rows mirror the roles defined in code and are re-synced
 * by provisioning and `migrateAllTenants`; the others are the tenant's custom roles.
 */
export const roles = pgTable("roles", {
  key: text("key").primaryKey(),
  name: text("name").notNull(),
  description: text("description"),
  permissions: text("permissions").array().notNull().default([]),
  builtin: boolean("builtin").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type RoleRow = typeof roles.$inferSelect;
