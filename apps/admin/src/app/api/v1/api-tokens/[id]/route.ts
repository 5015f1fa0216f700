// DELETE /api/v1/api-tokens/:id — revoke one token.
import { revokeApiTokenSchema } from "@/schemas/api-token-schemas";
import { revokeApiTokenOrThrow } from "@/server/api-tokens/revoke-api-token-or-throw";
import { noContent } from "@/server/http/json-response";
import { parseInputOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";

export const dynamic = "force-dynamic";

export const DELETE = withOperator<{ id: string }>(
  async (_request, { params, audit, recordAudit }) => {
    const { id } = parseInputOrThrow(revokeApiTokenSchema, params);
    audit.target = `api-token:${id}`;
    await revokeApiTokenOrThrow(id, recordAudit);
    return noContent();
  },
  { scope: "write", action: "api_token.revoke" },
);
