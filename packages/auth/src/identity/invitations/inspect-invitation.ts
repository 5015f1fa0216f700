// What the invitee page shows for a token, without consuming it (GET must never burn a link).
import { eq } from "drizzle-orm";
import { invitations, users, type TenantDb } from "@repo/db/tenant";
import { hashOneTimeToken, isOneTimeTokenShape } from "../one-time-token";
import { invitationStatus, type InvitationStatus } from "./invitation-view";

export type InvitationPreview = {
  status: InvitationStatus;
  email: string;
  roles: string[];
  expiresAt: Date;
  hasAccount: boolean;
};

/** The invitation behind `token` in this tenant's database, or null (unknown token or another tenant's). */
export async function inspectInvitation(db: TenantDb, token: string): Promise<InvitationPreview | null> {
  if (!isOneTimeTokenShape(token)) return null;
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashOneTimeToken(token)))
    .limit(1);
  if (!row) return null;
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email)).limit(1);
  return {
    status: invitationStatus(row),
    email: row.email,
    roles: row.roles,
    expiresAt: row.expiresAt,
    hasAccount: Boolean(account),
  };
}
