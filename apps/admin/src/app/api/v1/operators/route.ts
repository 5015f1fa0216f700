// GET /api/v1/operators · POST { email, name, password?, role? } — owners only. A generated
// password (when none is sent) is returned once as `initialPassword`.
import { createOperatorSchema } from "@/schemas/operator-schemas";
import { getControlPlane } from "@/server/control-plane";
import { jsonOk } from "@/server/http/json-response";
import { parseInputOrThrow, readJsonBodyOrThrow } from "@/server/http/parse-input-or-throw";
import { withOperator } from "@/server/http/with-operator";
import { assertOwnerOrThrow } from "@/server/operators/assert-owner-or-throw";
import { createOperatorOrThrow } from "@/server/operators/create-operator-or-throw";
import { listOperators } from "@/server/operators/list-operators";

export const dynamic = "force-dynamic";

export const GET = withOperator(
  async (_request, { operator }) => {
    assertOwnerOrThrow(operator);
    return jsonOk({ operators: await listOperators(getControlPlane()) });
  },
  { scope: "read" },
);

export const POST = withOperator(
  async (request, { audit }) => {
    const input = parseInputOrThrow(createOperatorSchema, await readJsonBodyOrThrow(request));
    audit.details = { email: input.email, role: input.role };
    const created = await createOperatorOrThrow(getControlPlane(), input);
    audit.target = `operator:${created.operator.id}`;
    return jsonOk(created, 201);
  },
  { scope: "write", action: "operator.create" },
);
