// The API/console view of a tenant's SSO connection: the client secret is write-only.
import type { SsoConnectionView } from "@repo/auth/sso";
import type { SsoConnectionRow } from "@repo/db/tenant";

export function toSsoConnectionView(row: SsoConnectionRow): SsoConnectionView {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    hasClientSecret: true,
    domains: row.domains,
    defaultRoles: row.defaultRoles,
    enforced: row.enforced,
    updatedAt: row.updatedAt.toISOString(),
  };
}
