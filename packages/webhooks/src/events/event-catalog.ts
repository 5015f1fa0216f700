// The public event catalog: every event type a webhook can carry, with the zod schema of its
// `data` (schema version 1). Delivered bodies are `{ type, timestamp, data }` where `data` is
// this shape plus `tenant: { id, slug }`, added by the relay. Versioning rule: within a version
// fields are only ever added; a breaking change ships as a new event type (e.g. `user.signed_in.v2`).
import { z } from "zod";

/** Version of the payload shapes below (docs/webhooks.md lists them). */
export const EVENT_SCHEMA_VERSION = 1;

/** Who caused the change: an operator (console or API token), the user themself, or the system. */
export const eventActorSchema = z.object({
  type: z.enum(["operator", "api_token", "user", "system"]),
  id: z.string().nullable(),
  email: z.string().nullable().optional(),
});
export type EventActor = z.infer<typeof eventActorSchema>;

const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  disabled: z.boolean(),
});

export const eventDataSchemas = {
  "user.signed_in": z.object({
    user: z.object({ id: z.string(), email: z.string() }),
    session: z.object({ id: z.string(), expiresAt: z.string() }),
    method: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  }),
  "user.signed_out": z.object({
    user: z.object({ id: z.string() }),
    session: z.object({ id: z.string() }),
  }),
  "session.revoked": z.object({
    scope: z.enum(["session", "user", "tenant"]),
    userId: z.string().nullable(),
    sessionId: z.string().nullable(),
    actor: eventActorSchema,
  }),
  "member.created": z.object({ member: memberSchema, actor: eventActorSchema }),
  "member.updated": z.object({
    member: memberSchema,
    changes: z.object({ roles: z.array(z.string()).optional(), disabled: z.boolean().optional() }),
    actor: eventActorSchema,
  }),
  "member.removed": z.object({ member: z.object({ id: z.string(), email: z.string() }), actor: eventActorSchema }),
  "invitation.created": z.object({
    invitation: z.object({ id: z.string(), email: z.string(), roles: z.array(z.string()), expiresAt: z.string() }),
    actor: eventActorSchema,
  }),
  "invitation.accepted": z.object({
    invitation: z.object({ id: z.string(), email: z.string() }),
    user: z.object({ id: z.string(), email: z.string() }),
  }),
  "tenant.suspended": z.object({ actor: eventActorSchema }),
  "tenant.resumed": z.object({ actor: eventActorSchema }),
} as const;

export type EventType = keyof typeof eventDataSchemas;
export const EVENT_TYPES = Object.keys(eventDataSchemas) as EventType[];

/** An event as code appends it: the type and its data (the tenant is implied by the database). */
export type AuthEvent = { [K in EventType]: { type: K; data: z.infer<(typeof eventDataSchemas)[K]> } }[EventType];

/** The body of a delivery (what receivers parse after verifying the signature). */
export type WebhookPayload = {
  type: EventType;
  /** When the change happened (ISO 8601), not when it was delivered. */
  timestamp: string;
  data: Record<string, unknown> & { tenant: { id: string; slug: string } };
};

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventDataSchemas, value);
}
