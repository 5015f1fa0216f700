// Creates an invitation in ONE tenant-DB transaction (the caller's `inTransaction` hook
// appends `invitation.created` to it), then mails the link after commit. The token is random, stored as its SHA-256,
// bound to this tenant (its database) and to the email; roles must be grantable by the actor.
import { and, gt, isNull, sql, eq } from "drizzle-orm";
import { invitations, type TenantDb } from "@repo/db/tenant";
import { assertGrantableRoles } from "../assert-grantable-roles";
import { IdentityError } from "../identity-error";
import type { CreateInvitationInput } from "../identity-schemas";
import type { IdentityActor, IdentityTenant, InTransaction, LinkContext } from "../identity-types";
import type { Mailer } from "../mail/mailer";
import { generateOneTimeToken } from "../one-time-token";
import { sendInvitationMail } from "./send-invitation-mail";
import { toInvitationView, type InvitationView } from "./invitation-view";

export type CreateInvitationOptions = {
  tenant: IdentityTenant;
  actor: IdentityActor;
  input: CreateInvitationInput;
  ttlDays: number;
  link: LinkContext;
  mailer: Mailer;
  /** Runs in the invitation's transaction (e.g. to append `invitation.created`). */
  inTransaction?: InTransaction<InvitationView>;
};

export async function createInvitation(
  db: TenantDb,
  options: CreateInvitationOptions,
): Promise<{ invitation: InvitationView; emailSent: boolean }> {
  const { actor, input } = options;
  const { token, tokenHash } = generateOneTimeToken();
  const expiresAt = new Date(Date.now() + options.ttlDays * 86_400_000);
  const row = await db.transaction(async (tx) => {
    // Serialise invitations to the same email so two concurrent requests can't both be "first".
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invitation:${input.email}`}))`);
    const roleKeys = await assertGrantableRoles(tx, actor, input.roles);
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .limit(1);
    if (pending) throw new IdentityError("invitation_pending");
    const [created] = await tx
      .insert(invitations)
      .values({
        email: input.email,
        roles: roleKeys,
        tokenHash,
        invitedBy: actor.kind === "member" ? actor.userId : null,
        expiresAt,
      })
      .returning();
    await options.inTransaction?.(tx, toInvitationView(created!));
    return created!;
  });
  const emailSent = await sendInvitationMail(options.mailer, { ...options, email: row.email, token, expiresAt });
  return { invitation: toInvitationView(row), emailSent };
}
