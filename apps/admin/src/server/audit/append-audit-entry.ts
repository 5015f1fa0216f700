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

export async function appendAuditEntry(entry: AuditEntryInput, executor: ControlPlaneDb | ControlPlaneTx = getControlPlane()): Promise<void> {
  await executor
    .insert(auditLog)
    .values({
      actor: entry.actorEmail.toLowerCase(),
      actorId: entry.actorId,
      action: entry.action,
      tenantId: entry.tenantId ?? null,
      tenantSlug: entry.tenantSlug ?? null,
      target: entry.target ?? null,
      ip: entry.ip ?? null,
      metadata: { outcome: entry.outcome, via: entry.via, ...(entry.tokenId ? { tokenId: entry.tokenId } : {}), ...entry.details },
    });
}
