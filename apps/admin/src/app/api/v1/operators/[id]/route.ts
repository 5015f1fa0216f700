// PATCH /api/v1/operators/:id { role?, disabled? } — owners only. The last enabled owner can't
// be demoted or disabled (409); disabling revokes every session of that operator.
import { operatorIdSchema, updateOperatorSchema } from "@/schemas/operator-schemas";
import { getControlPlane } from "@/server/control-plane";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { updateOperatorOrThrow } from "@/server/operators/update-operator-or-throw";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const PATCH = withOperator<Params>(
  async (request, { params, audit }) => {
    const id = parseInputOrThrow(operatorIdSchema, params.id);
    audit.target = `operator:${id}`;
    const input = parseInputOrThrow(updateOperatorSchema, await readJsonBodyOrThrow(request));
    audit.details = { ...input };
    const operator = await updateOperatorOrThrow(getControlPlane(), id, input);
    audit.details = { ...input, email: operator.email };
    return jsonOk({ operator });
  },
  { scope: "write", action: "operator.update" },
);
