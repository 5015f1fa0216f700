import { invitationMail } from "../mail/identity-mails";
import type { Mailer } from "../mail/mailer";
import type { IdentityActor, IdentityTenant, LinkContext } from "../identity-types";

/** Sends the invitation link; false when SMTP failed (the invitation stays; it can be resent). */
export async function sendInvitationMail(
  mailer: Mailer,
  input: {
    tenant: IdentityTenant;
    actor: IdentityActor;
    email: string;
    token: string;
    expiresAt: Date;
    link: LinkContext;
  },
): Promise<boolean> {
  const url = `${input.link.origin}/invite/${input.token}`;
  const inviterName = input.actor.kind === "member" ? input.actor.name : null;
  try {
    await mailer.send(
      invitationMail({ to: input.email, tenant: input.tenant, inviterName, url, expiresAt: input.expiresAt }),
    );
    return true;
  } catch {
    return false;
  }
}
