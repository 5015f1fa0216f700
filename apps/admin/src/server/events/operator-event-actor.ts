// The `actor` of an auth event caused by an operator (console session or API token).
import type { EventActor } from "@repo/webhooks/events";
import type { OperatorPrincipal } from "../auth/operator-principal";

export function toOperatorEventActor(operator: OperatorPrincipal): EventActor {
  return operator.via === "api_token"
    ? { type: "api_token", id: operator.tokenId ?? null, email: operator.email }
    : { type: "operator", id: operator.operatorId, email: operator.email };
}
