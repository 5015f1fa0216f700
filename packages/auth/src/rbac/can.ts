// Permission checks. Edge-safe.
import type { Permission } from "./permissions";

/** Anything carrying a permission list: a session, verified token claims, or the list itself. */
export type PermissionSubject = { readonly permissions?: readonly string[] | null } | readonly string[];

/** True when `subject` holds `permission`. `null`/`undefined` (signed out) is never allowed. */
export function can(subject: PermissionSubject | null | undefined, permission: Permission): boolean {
  if (!subject) return false;
  const list = Array.isArray(subject) ? subject : (subject as { permissions?: readonly string[] | null }).permissions;
  return Array.isArray(list) && list.includes(permission);
}
