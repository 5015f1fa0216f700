// Disables (or re-enables) a user. Disabling is paired by the caller with `revokeUser`, so
// tokens already issued die on their next request, and sign-in refuses disabled users.
import { eq } from "drizzle-orm";
import { users, type TenantDb } from "@repo/db/tenant";
import { ApiError } from "@repo/api-errors";

export async function setMemberDisabledOrThrow(
  db: Pick<TenantDb, "update">,
  userId: string,
  disabled: boolean,
): Promise<void> {
  const updated = await db
    .update(users)
    .set({ disabled, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (updated.length === 0) throw new ApiError("not_found", "No user with this id in this tenant.");
}
