import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const OPERATOR_ROLES = ["owner", "support"] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** People who run the platform (admin app). Emails are stored lowercased by the writers. */
export const operators = pgTable(
  "operators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role").$type<OperatorRole>().notNull().default("support"),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("operators_role_check", sql`${t.role} in ('owner', 'support')`)],
);

export type OperatorRow = typeof operators.$inferSelect;
