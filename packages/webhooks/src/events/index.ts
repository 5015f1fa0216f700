// @repo/webhooks/events — the event catalog and the outbox write. Node only (drizzle), no queue
// library: apps import this on their request paths.
export {
  EVENT_SCHEMA_VERSION,
  EVENT_TYPES,
  eventActorSchema,
  eventDataSchemas,
  isEventType,
  type AuthEvent,
  type EventActor,
  type EventType,
  type WebhookPayload,
} from "./event-catalog";
export { appendEvent, createEventId, type AppendEventOptions, type OutboxWriter } from "./append-event";
export { requestOutboxRelay, relayJobKey, RELAY_TASK, type OutboxSource } from "./request-outbox-relay";
