import { eq } from "drizzle-orm";
import { userRoles, users, type TenantDb } from "@repo/db/tenant";
import { ApiError } from "@repo/api-errors";
import { toMemberView, type MemberView } from "./member-view";

export async function getMemberOrThrow(db: Pick<TenantDb, "select">, userId: string): Promise<MemberView> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new ApiError("not_found", "No user with this id in this tenant.");
  const roles = await db.select({ key: userRoles.roleKey }).from(userRoles).where(eq(userRoles.userId, userId));
  return toMemberView(
    user,
    roles.map((r) => r.key),
  );
}
