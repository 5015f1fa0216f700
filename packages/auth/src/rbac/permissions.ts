// The permission registry: the single list of things a tenant user may be allowed to do.
// Edge-safe (pure data). Adding a permission is ONE edit here; the compiler then checks every
// route policy, `can()` call, built-in role and custom-role payload against it.

/** Every registered permission (`resource:action`) with the description the admin role editor shows. */
export const PERMISSION_REGISTRY = {
  "projects:read": "View projects",
  "projects:write": "Create and edit projects",
  "projects:delete": "Delete projects",
  "members:read": "View the member list",
  "members:write": "Invite, disable and re-assign members",
  "roles:read": "View roles and their permissions",
  "roles:write": "Create, edit and delete custom roles",
  "sessions:read": "View active sessions",
  "sessions:revoke": "Sign sessions out",
  "tenant:read": "View the organisation profile",
  "tenant:manage": "Change organisation settings",
} as const satisfies Record<`${string}:${string}`, string>;

/** A registered permission name. Unknown strings do not type-check. */
export type Permission = keyof typeof PERMISSION_REGISTRY;

/** All registered permissions, in registry order (the canonical claim order). */
export const PERMISSIONS = Object.freeze(Object.keys(PERMISSION_REGISTRY)) as readonly Permission[];

const permissionIndex = new Map<string, number>(PERMISSIONS.map((p, i) => [p, i]));

/** Narrows an arbitrary string (e.g. from a token or a database row) to a registered permission. */
export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && permissionIndex.has(value);
}

/** Sorts and de-duplicates permissions into registry order; unregistered strings are dropped. */
export function normalizePermissions(values: Iterable<string>): Permission[] {
  const seen = new Set<number>();
  for (const value of values) {
    const index = permissionIndex.get(value);
    if (index !== undefined) seen.add(index);
  }
  return [...seen].sort((a, b) => a - b).map((i) => PERMISSIONS[i] as Permission);
}
