// The ONLY write path to the audit log, and it only inserts. There is deliberately no update
// or delete function in this app or route in the API; the database also rejects UPDATE/DELETE
// with a trigger, so an append-only log holds even against a bug here. Pass the transaction of
// a control-plane change so its entry commits (or rolls back) with it.
import { auditLog, type ControlPlaneDb, type ControlPlaneTx } from "@repo/db/control-plane";
import { getControlPlane } from "../control-plane";
import type { AuditAction, AuditOutcome } from "./audit-actions";

export type AuditEntryInput = {
  /** Operator id (null for anonymous, e.g. a failed sign-in for an unknown email). */
  actorId: string | null;
  /** Operator email, or the email that was tried for a failed sign-in. */
  actorEmail: string;
  via: "session" | "api_token" | "sign_in";
  tokenId?: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  tenantId?: string | null;
  tenantSlug?: string | null;
  target?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/** Longest stored value per text field: client-influenced values can't grow the log unboundedly. */
const MAX_LENGTH = { actor: 254, ip: 64, tenantSlug: 100, target: 200 } as const;

/** `value` cut to its field's cap (control characters replaced), or null. */
export function capAuditText(value: string | null | undefined, field: keyof typeof MAX_LENGTH): string | null {
  if (value === null || value === undefined) return null;
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?").slice(0, MAX_LENGTH[field]);
}

export async function appendAuditEntry(
  entry: AuditEntryInput,
  executor: ControlPlaneDb | ControlPlaneTx = getControlPlane(),
): Promise<void> {
  await executor.insert(auditLog).values({
    actor: capAuditText(entry.actorEmail.toLowerCase(), "actor") ?? "",
    actorId: entry.actorId,
    action: entry.action,
    tenantId: entry.tenantId ?? null,
    tenantSlug: capAuditText(entry.tenantSlug, "tenantSlug"),
    target: capAuditText(entry.target, "target"),
    ip: capAuditText(entry.ip, "ip"),
    metadata: {
      outcome: entry.outcome,
      via: entry.via,
      ...(entry.tokenId ? { tokenId: entry.tokenId } : {}),
      ...entry.details,
    },
  });
}
