import { ssoConnection, type TenantDb } from "@repo/db/tenant";
import type { SsoConnectionView } from "@repo/auth/sso";
import { ApiError } from "@repo/api-errors";
import { toSsoConnectionView } from "./sso-connection-view";

/** The tenant's connection, or null when it has none. */
export async function findSsoConnection(db: TenantDb): Promise<SsoConnectionView | null> {
  const [row] = await db.select().from(ssoConnection).limit(1);
  return row ? toSsoConnectionView(row) : null;
}

export async function getSsoConnectionOrThrow(db: TenantDb): Promise<SsoConnectionView> {
  const view = await findSsoConnection(db);
  if (!view) throw new ApiError("not_found", "This tenant has no SSO connection. Create one with PUT.");
  return view;
}
