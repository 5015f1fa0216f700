import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * External identities linked to a user: (provider, subject) from an IdP's ID token, e.g.
 * provider `oidc:<issuer>` or `google`. Written by JIT provisioning or a verified-email link;
 * later sign-ins find the user by this pair, not by email.
 */
export const userIdentities = pgTable(
  "user_identities",
  {
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index("user_identities_user_id_idx").on(t.userId)],
);

export type UserIdentityRow = typeof userIdentities.$inferSelect;
