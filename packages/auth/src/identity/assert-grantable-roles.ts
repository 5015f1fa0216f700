// The rule behind every role grant (invite, resend, role change): the roles must exist in this
// tenant, and an actor who is a member may not grant a permission they don't hold themselves.
// Operators (the admin console) may grant any of the tenant's roles.
import { inArray } from "drizzle-orm";
import { roles } from "@repo/db/tenant";
import { resolvePermissions } from "../rbac/index";
import { IdentityError } from "./identity-error";
import type { IdentityActor, TenantTx } from "./identity-types";

/** Throws unknown_role / role_not_grantable; returns the sorted, de-duplicated keys. */
export async function assertGrantableRoles(
  tx: TenantTx,
  actor: IdentityActor,
  roleKeys: readonly string[],
): Promise<string[]> {
  const keys = [...new Set(roleKeys)].sort();
  const rows = keys.length
    ? await tx.select({ key: roles.key, permissions: roles.permissions }).from(roles).where(inArray(roles.key, keys))
    : [];
  if (rows.length !== keys.length) throw new IdentityError("unknown_role");
  if (actor.kind === "member") {
    const granted = resolvePermissions(keys, rows);
    const held = new Set(actor.permissions);
    if (granted.some((permission) => !held.has(permission))) throw new IdentityError("role_not_grantable");
  }
  return keys;
}
