import { desc } from "drizzle-orm";
import { invitations, type TenantDb } from "@repo/db/tenant";
import { toInvitationView, type InvitationView } from "./invitation-view";

/** The tenant's invitations, newest first (pending, accepted, expired and revoked alike). */
export async function listInvitations(db: TenantDb, limit = 200): Promise<InvitationView[]> {
  const rows = await db.select().from(invitations).orderBy(desc(invitations.createdAt)).limit(limit);
  return rows.map(toInvitationView);
}
