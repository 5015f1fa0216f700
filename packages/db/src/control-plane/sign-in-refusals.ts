import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Sign-in attempts the brute-force limiter refused, counted per (subject, hour) instead of one
 * audit row per request: a flood of refused guesses grows a counter, not the append-only log.
 * `subject` is the account email (account or device budget) or `ip:<address>` (IP budget);
 * every text value is length-capped by the writer.
 */
export const signInRefusals = pgTable(
  "sign_in_refusals",
  {
    /** "admin" for the operator console (tenant apps keep no control-plane audit). */
    scope: text("scope").notNull(),
    subject: text("subject").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    reason: text("reason").notNull(),
    count: integer("count").notNull().default(1),
    lastIp: text("last_ip"),
    firstAt: timestamp("first_at", { withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.subject, t.windowStart] })],
);

export type SignInRefusalRow = typeof signInRefusals.$inferSelect;
