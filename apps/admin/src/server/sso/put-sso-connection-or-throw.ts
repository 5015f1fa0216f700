// Creates or replaces a tenant's SSO connection. The client secret is sealed (AES-GCM,
// SSO_SECRET_KEY, bound to the tenant id) before it reaches the database; omitting it on an
// update keeps the stored one. Default roles must exist in the tenant.
import { sql } from "drizzle-orm";
import { getSsoSecretKey, sealClientSecret, type SsoConnectionInput, type SsoConnectionView } from "@repo/auth/sso";
import { ssoConnection, type TenantDb } from "@repo/db/tenant";
import { assertRolesExistOrThrow } from "../members/assert-roles-exist-or-throw";
import { ApiError } from "@repo/api-errors";
import { toSsoConnectionView } from "./sso-connection-view";

export async function putSsoConnectionOrThrow(
  db: TenantDb,
  tenantId: string,
  input: SsoConnectionInput,
): Promise<SsoConnectionView> {
  await assertRolesExistOrThrow(db, input.defaultRoles).catch((error: unknown) => {
    if (error instanceof ApiError)
      throw new ApiError(error.code, error.message, {
        status: error.status,
        fields: { defaultRoles: error.fields?.roles ?? [error.message] },
      });
    throw error;
  });
  const sealed = input.clientSecret
    ? await sealClientSecret(input.clientSecret, await getSsoSecretKey(), tenantId)
    : null;
  const values = {
    issuer: input.issuer,
    clientId: input.clientId,
    domains: input.domains,
    defaultRoles: input.defaultRoles,
    enforced: input.enforced,
    updatedAt: new Date(),
  };
  if (!sealed) {
    const [row] = await db.update(ssoConnection).set(values).returning();
    if (!row) {
      throw new ApiError("invalid_request", "A new SSO connection needs its client secret.", {
        fields: {
          clientSecret: ["Required for a new connection"],
        },
      });
    }
    return toSsoConnectionView(row);
  }
  const [row] = await db
    .insert(ssoConnection)
    .values({ ...values, clientSecretEncrypted: sealed })
    .onConflictDoUpdate({
      target: ssoConnection.id,
      set: { ...values, clientSecretEncrypted: sql`excluded.client_secret_encrypted` },
    })
    .returning();
  return toSsoConnectionView(row!);
}

export async function deleteSsoConnectionOrThrow(db: TenantDb): Promise<void> {
  const deleted = await db.delete(ssoConnection).returning({ id: ssoConnection.id });
  if (deleted.length === 0) throw new ApiError("not_found", "This tenant has no SSO connection.");
}
