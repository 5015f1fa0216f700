// Standard Webhooks headers, signed with the `standardwebhooks` library (the one receivers use
// to verify): `webhook-id` is the event id — the same on every retry and duplicate.
import { Webhook } from "standardwebhooks";

export function signWebhook(input: {
  secret: string;
  eventId: string;
  body: string;
  at: Date;
}): Record<string, string> {
  return {
    "webhook-id": input.eventId,
    "webhook-timestamp": String(Math.floor(input.at.getTime() / 1000)),
    "webhook-signature": new Webhook(input.secret).sign(input.eventId, input.at, input.body),
  };
}
