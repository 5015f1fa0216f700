// Replaces a user's role assignments inside the caller's tenant-DB transaction, with the same
// rules as the tenant app (@repo/auth/identity's `changeMemberRolesInTx`: the last owner can't
// be demoted → 409). The caller then marks the user's claims stale in Redis so their next
// request gets a re-issued token (still signed in).
import { changeMemberRolesInTx, type IdentityActor, type TenantTx } from "@repo/auth/identity";
import { assertRolesExistOrThrow } from "./assert-roles-exist-or-throw";

export async function setMemberRolesOrThrow(
  tx: TenantTx,
  actor: Extract<IdentityActor, { kind: "operator" }>,
  userId: string,
  roleKeys: readonly string[],
): Promise<string[]> {
  // Unknown keys first, with the console's per-field message (`roles`).
  await assertRolesExistOrThrow(tx, [...new Set(roleKeys)]);
  return changeMemberRolesInTx(tx, { actor, userId, roles: roleKeys });
}
