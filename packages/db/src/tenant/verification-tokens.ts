import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Auth.js's email sign-in tokens (magic links), in the shape its adapter contract expects:
 * `identifier` is the email, `token` is already hashed by Auth.js (SHA-256 with the secret).
 */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type VerificationTokenRow = typeof verificationTokens.$inferSelect;
