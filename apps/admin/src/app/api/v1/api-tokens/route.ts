// GET /api/v1/api-tokens · POST { name, scope, expiresInDays } (plaintext returned once)
// DELETE /api/v1/api-tokens { id } (or ?id=) — revoke. Also DELETE /api/v1/api-tokens/:id.
import { createApiTokenSchema, revokeApiTokenSchema } from "@/schemas/api-token-schemas";
import { createApiToken } from "@/server/api-tokens/create-api-token";
import { listApiTokens } from "@/server/api-tokens/list-api-tokens";
import { revokeApiTokenOrThrow } from "@/server/api-tokens/revoke-api-token-or-throw";
import { jsonOk, noContent } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow, readSearchParams } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";

export const dynamic = "force-dynamic";

export const GET = withOperator(async (_request, { operator }) => jsonOk({ tokens: await listApiTokens(operator) }), {
  scope: "read",
});

export const POST = withOperator(
  async (request, { operator, audit, recordAudit }) => {
    const input = parseInputOrThrow(createApiTokenSchema, await readJsonBodyOrThrow(request));
    audit.details = { name: input.name, scope: input.scope };
    const created = await createApiToken(operator.operatorId, input, recordAudit);
    return jsonOk({ token: created }, 201);
  },
  { scope: "write", action: "api_token.create" },
);

export const DELETE = withOperator(
  async (request, { audit, recordAudit }) => {
    const body = await readJsonBodyOrThrow(request);
    const { id } = parseInputOrThrow(revokeApiTokenSchema, { ...readSearchParams(request), ...(body as object) });
    audit.target = `api-token:${id}`;
    await revokeApiTokenOrThrow(id, recordAudit);
    return noContent();
  },
  { scope: "write", action: "api_token.revoke" },
);
