import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { operators } from "./operators";

/** Bearer tokens for the admin JSON API. Only a hash of the secret is stored. */
export const operatorApiTokens = pgTable(
  "operator_api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    operatorId: uuid("operator_id")
      .notNull()
      .references(() => operators.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Hash of the secret (e.g. SHA-256 hex); the secret itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    /** Non-secret prefix shown in listings so operators can recognise a token. */
    prefix: text("prefix").notNull(),
    /** What the token may do, e.g. `read` or `write`; interpreted by the admin app. */
    scope: text("scope").notNull().default("read"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("operator_api_tokens_operator_id_idx").on(t.operatorId)],
);

export type OperatorApiTokenRow = typeof operatorApiTokens.$inferSelect;
