// The one call that records an auth event: `appendEvent(tx, event)` inside the transaction that
// makes the change, on the database that holds it (a tenant DB, or the control plane for tenant
// status). Commit → the event exists; rollback → it never did. Delivery happens elsewhere.
import { randomUUID } from "node:crypto";
import { outboxEvents } from "@repo/db/outbox";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { eventDataSchemas, type AuthEvent } from "./event-catalog";

/** A drizzle database or transaction (tenant or control plane): anything that can insert. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- both schemas' transactions qualify
export type OutboxWriter = Pick<PgDatabase<any, any, any>, "insert">;

export type AppendEventOptions = {
  /** Required in the control plane (it holds many tenants); omit in a tenant DB. */
  tenantId?: string;
  /** Defaults to now. */
  occurredAt?: Date;
};

/** `evt_` + 32 hex chars. Sent as `webhook-id`, so receivers can de-duplicate. */
export function createEventId(): string {
  return `evt_${randomUUID().replace(/-/g, "")}`;
}

/**
 * Appends `event` to the outbox in `tx`. The data is validated against the catalog (a bad shape
 * throws before anything is written, failing the caller's transaction — never a silent drop).
 */
export async function appendEvent(
  tx: OutboxWriter,
  event: AuthEvent,
  options: AppendEventOptions = {},
): Promise<{ id: string }> {
  const data = eventDataSchemas[event.type].parse(event.data) as Record<string, unknown>;
  const id = createEventId();
  await tx.insert(outboxEvents).values({
    id,
    type: event.type,
    data,
    tenantId: options.tenantId ?? null,
    ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
  });
  return { id };
}
