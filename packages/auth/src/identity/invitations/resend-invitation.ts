// Re-arms a pending (or expired) invitation with a NEW token and expiry in one transaction —
// the old link stops working — then mails it. The actor must still be able to grant its roles.
import { eq } from "drizzle-orm";
import { invitations, type TenantDb } from "@repo/db/tenant";
import { assertGrantableRoles } from "../assert-grantable-roles";
import { IdentityError } from "../identity-error";
import type { IdentityActor, IdentityTenant, LinkContext } from "../identity-types";
import type { Mailer } from "../mail/mailer";
import { generateOneTimeToken } from "../one-time-token";
import { sendInvitationMail } from "./send-invitation-mail";
import { toInvitationView, type InvitationView } from "./invitation-view";

export async function resendInvitation(
  db: TenantDb,
  options: {
    id: string;
    tenant: IdentityTenant;
    actor: IdentityActor;
    ttlDays: number;
    link: LinkContext;
    mailer: Mailer;
  },
): Promise<{ invitation: InvitationView; emailSent: boolean }> {
  const { token, tokenHash } = generateOneTimeToken();
  const expiresAt = new Date(Date.now() + options.ttlDays * 86_400_000);
  const row = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(invitations).where(eq(invitations.id, options.id)).for("update");
    if (!current) throw new IdentityError("invitation_not_found");
    if (current.acceptedAt || current.revokedAt) throw new IdentityError("invitation_not_pending");
    await assertGrantableRoles(tx, options.actor, current.roles);
    const [updated] = await tx
      .update(invitations)
      .set({ tokenHash, expiresAt, lastSentAt: new Date() })
      .where(eq(invitations.id, options.id))
      .returning();
    return updated!;
  });
  const emailSent = await sendInvitationMail(options.mailer, { ...options, email: row.email, token, expiresAt });
  return { invitation: toInvitationView(row), emailSent };
}
