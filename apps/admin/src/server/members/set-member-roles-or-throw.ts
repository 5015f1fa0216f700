// Replaces a user's role assignments in ONE tenant-DB transaction. The caller then marks the
// user's claims stale in Redis so their next request gets a re-issued token (still signed in).
import { eq } from "drizzle-orm";
import { userRoles, users, type TenantDb } from "@repo/db/tenant";
import { ApiError } from "@repo/api-errors";
import { assertRolesExistOrThrow } from "./assert-roles-exist-or-throw";

export async function setMemberRolesOrThrow(
  db: Pick<TenantDb, "transaction">,
  userId: string,
  roleKeys: readonly string[],
): Promise<string[]> {
  const keys = [...new Set(roleKeys)].sort();
  await db.transaction(async (tx) => {
    // Lock the user row so two concurrent role edits serialise instead of interleaving.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new ApiError("not_found", "No user with this id in this tenant.");
    await assertRolesExistOrThrow(tx, keys);
    await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    if (keys.length) await tx.insert(userRoles).values(keys.map((roleKey) => ({ userId, roleKey })));
    await tx.update(users).set({ updatedAt: new Date() }).where(eq(users.id, userId));
  });
  return keys;
}
