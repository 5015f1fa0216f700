// Creates an operator (API, console and the `admin:create-operator` CLI share this). The
// password is hashed here (argon2id); a generated one is returned once to the caller.
import { hashPassword } from "@repo/auth/server";
import { type ControlPlaneDb, operators } from "@repo/db/control-plane";
import type { CreateOperatorInput } from "../../schemas/operator-schemas";
import { ApiError } from "@repo/api-errors";
import { generateInitialPassword } from "../members/generate-initial-password";
import { type OperatorView, toOperatorView } from "./operator-view";

export type CreatedOperator = { operator: OperatorView; initialPassword: string | null };

export async function createOperatorOrThrow(db: ControlPlaneDb, input: CreateOperatorInput): Promise<CreatedOperator> {
  const initialPassword = input.password === undefined ? generateInitialPassword() : null;
  const passwordHash = await hashPassword(input.password ?? initialPassword!);
  const [row] = await db
    .insert(operators)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash })
    .onConflictDoNothing({ target: operators.email })
    .returning();
  if (!row) throw new ApiError("conflict", `An operator with the email ${input.email} already exists.`);
  return { operator: toOperatorView(row), initialPassword };
}
