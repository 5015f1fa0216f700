// After a commit that appended events: ask the webhook worker to relay that outbox now. Not
// awaited by callers' responses (the worker's sweep is the safety net if this poke is lost).
import { requestOutboxRelay, type OutboxSource } from "@repo/webhooks/events";
import { getControlPlane } from "../control-plane";

export function requestRelay(source: OutboxSource): void {
  void requestOutboxRelay(getControlPlane(), source);
}
