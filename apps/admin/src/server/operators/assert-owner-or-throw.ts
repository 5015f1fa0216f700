import { ApiError } from "@repo/api-errors";
import type { OperatorPrincipal } from "../auth/operator-principal";

/** Managing operators is for owners only, even reading the list (it names every admin account). */
export function assertOwnerOrThrow(operator: OperatorPrincipal): void {
  if (operator.role !== "owner") throw new ApiError("forbidden", "Only owner operators can manage operators.");
}
