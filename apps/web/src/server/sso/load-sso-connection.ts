// Reads a tenant's SSO connection from its own database (through getTenantDb) and opens the
// sealed client secret only when a provider is actually built.
import { ssoConnection, type SsoConnectionRow } from "@repo/db/tenant";
import { getSsoSecretKey, openClientSecret, type SsoConnection } from "@repo/auth/sso";
import { getTenantDb } from "@/server/web-root";

/** The connection row (secret still sealed), or null when the tenant has none. */
export async function loadSsoConnectionRow(tenantId: string): Promise<SsoConnectionRow | null> {
  const [row] = await getTenantDb(tenantId).select().from(ssoConnection).limit(1);
  return row ?? null;
}

/** The connection with its client secret decrypted, or null. */
export async function loadSsoConnection(tenantId: string): Promise<SsoConnection | null> {
  const row = await loadSsoConnectionRow(tenantId);
  if (!row) return null;
  const clientSecret = await openClientSecret(row.clientSecretEncrypted, await getSsoSecretKey(), tenantId);
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret,
    domains: row.domains,
    defaultRoles: row.defaultRoles,
    enforced: row.enforced,
  };
}
