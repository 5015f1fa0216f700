// GET|PUT|DELETE /api/v1/tenants/:slug/sso — the tenant's OIDC connection
// `{ issuer, clientId, clientSecret (write-only), domains, defaultRoles, enforced }`.
import { ssoConnectionInputSchema } from "@repo/auth/sso";
import { jsonOk, noContent } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { getSsoConnectionOrThrow } from "@/server/sso/get-sso-connection-or-throw";
import { deleteSsoConnectionOrThrow, putSsoConnectionOrThrow } from "@/server/sso/put-sso-connection-or-throw";
import { openTenantDbOrThrow } from "@/server/tenants/open-tenant-db-or-throw";

export const dynamic = "force-dynamic";

type Params = { slug: string };

export const GET = withOperator<Params>(
  async (_request, { params }) => {
    const { db } = await openTenantDbOrThrow(params.slug);
    return jsonOk({ connection: await getSsoConnectionOrThrow(db) });
  },
  { scope: "read" },
);

export const PUT = withOperator<Params>(
  async (request, { params, audit }) => {
    const input = parseInputOrThrow(ssoConnectionInputSchema, await readJsonBodyOrThrow(request));
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = "sso";
    // Never the secret: only whether one was sent.
    const { clientSecret, ...visible } = input;
    audit.details = { ...visible, secretChanged: Boolean(clientSecret) };
    return jsonOk({ connection: await putSsoConnectionOrThrow(db, tenant.id, input) });
  },
  { scope: "write", action: "sso.update" },
);

export const DELETE = withOperator<Params>(
  async (_request, { params, audit }) => {
    const { tenant, db } = await openTenantDbOrThrow(params.slug);
    audit.tenantId = tenant.id;
    audit.target = "sso";
    await deleteSsoConnectionOrThrow(db);
    return noContent();
  },
  { scope: "write", action: "sso.delete" },
);
