import type { InvitationRow } from "@repo/db/tenant";

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

export type InvitationView = {
  id: string;
  email: string;
  roles: string[];
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
  lastSentAt: string;
  acceptedAt: string | null;
};

export function invitationStatus(
  row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">,
  now = new Date(),
): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

export function toInvitationView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    roles: row.roles,
    status: invitationStatus(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    lastSentAt: row.lastSentAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}
