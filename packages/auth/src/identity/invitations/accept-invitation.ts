// Accepts an invitation in ONE tenant-DB transaction (the caller's `inTransaction` hook
// appends `invitation.accepted` / `member.created` to it): the token row is locked, so a link works exactly once.
// New email → creates the account (name + password). Existing account with that email → its
// password must match (the invitee "signs in to accept"); the invitation's roles are added.
// The account's email is always the invitation's: the token is bound to it.
import { eq, inArray } from "drizzle-orm";
import { invitations, roles, userRoles, users, type TenantDb } from "@repo/db/tenant";
import { hashPassword, verifyPassword } from "../../server/password";
import { IdentityError } from "../identity-error";
import { newPasswordSchema, type AcceptInvitationInput } from "../identity-schemas";
import { hashOneTimeToken } from "../one-time-token";
import type { InTransaction } from "../identity-types";
import { invitationStatus } from "./invitation-view";

export type AcceptedInvitation = {
  invitationId: string;
  userId: string;
  email: string;
  isNewAccount: boolean;
  roles: string[];
};

export async function acceptInvitation(
  db: TenantDb,
  input: AcceptInvitationInput,
  options: { inTransaction?: InTransaction<AcceptedInvitation> } = {},
): Promise<AcceptedInvitation> {
  const tokenHash = hashOneTimeToken(input.token);
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).for("update");
    if (!invitation) throw new IdentityError("invalid_token");
    const status = invitationStatus(invitation);
    if (status !== "pending") throw new IdentityError(`invitation_${status}`);

    const [existing] = await tx.select().from(users).where(eq(users.email, invitation.email)).for("update");
    let userId: string;
    if (existing) {
      if (!(await verifyPassword(existing.passwordHash, input.password)))
        throw new IdentityError("invalid_credentials");
      if (existing.disabled) throw new IdentityError("account_disabled");
      userId = existing.id;
    } else {
      const password = newPasswordSchema.safeParse(input.password);
      if (!password.success)
        throw new IdentityError(
          "invalid_credentials",
          password.error.issues[0]?.message ?? "Choose a longer password.",
        );
      const [created] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          name: input.name ?? invitation.email.split("@")[0]!,
          passwordHash: await hashPassword(password.data),
        })
        .returning({ id: users.id });
      userId = created!.id;
    }
    // Roles deleted since the invitation was sent grant nothing.
    const stillThere = invitation.roles.length
      ? (await tx.select({ key: roles.key }).from(roles).where(inArray(roles.key, invitation.roles))).map((r) => r.key)
      : [];
    if (stillThere.length) {
      await tx
        .insert(userRoles)
        .values(stillThere.map((roleKey) => ({ userId, roleKey })))
        .onConflictDoNothing();
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedBy: userId })
      .where(eq(invitations.id, invitation.id));
    const accepted = {
      invitationId: invitation.id,
      userId,
      email: invitation.email,
      isNewAccount: !existing,
      roles: stillThere,
    };
    await options.inTransaction?.(tx, accepted);
    return accepted;
  });
}
