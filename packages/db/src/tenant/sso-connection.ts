import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The tenant's enterprise SSO (OpenID Connect) connection: at most one row (`id = 'default'`).
 * The client secret is stored AES-GCM encrypted by the app (`clientSecretEncrypted`), never plain.
 * `domains` are the email domains the tenant has verified (lowercase); only emails on them are
 * provisioned or linked. `enforced` refuses password sign-in for those domains.
 */
export const ssoConnection = pgTable(
  "sso_connection",
  {
    id: text("id").primaryKey().default("default"),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecretEncrypted: text("client_secret_encrypted").notNull(),
    domains: text("domains").array().notNull().default(sql`'{}'::text[]`),
    defaultRoles: text("default_roles").array().notNull().default(sql`'{}'::text[]`),
    enforced: boolean("enforced").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("sso_connection_singleton", sql`${t.id} = 'default'`)],
);

export type SsoConnectionRow = typeof ssoConnection.$inferSelect;
