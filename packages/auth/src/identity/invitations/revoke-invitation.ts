// Withdraws a pending invitation (its link stops working at once). One transaction.
import { and, eq, isNull } from "drizzle-orm";
import { invitations, type TenantDb } from "@repo/db/tenant";
import { IdentityError } from "../identity-error";
import { toInvitationView, type InvitationView } from "./invitation-view";

export async function revokeInvitation(db: TenantDb, id: string): Promise<InvitationView> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(invitations).where(eq(invitations.id, id)).for("update");
    if (!current) throw new IdentityError("invitation_not_found");
    if (current.acceptedAt || current.revokedAt) throw new IdentityError("invitation_not_pending");
    const [updated] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, id), isNull(invitations.revokedAt)))
      .returning();
    return toInvitationView(updated!);
  });
}
