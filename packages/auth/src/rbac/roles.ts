// Built-in roles (in code) and the rules for per-tenant custom roles (in each tenant's DB).
// Edge-safe. Custom roles may hold registered permissions only: `customRoleSchema` rejects
// anything else, and `resolvePermissions` drops unknown strings defensively.
import { z } from "zod";
import { PERMISSIONS, normalizePermissions, type Permission } from "./permissions";

const ALL = PERMISSIONS;

/** Built-in roles. Add a role here and it is seeded into every new tenant and shown in the admin UI. */
export const BUILTIN_ROLES = {
  owner: { name: "Owner", description: "Full control, including organisation settings", permissions: ALL },
  admin: {
    name: "Admin",
    description: "Manages projects, members, roles and sessions",
    permissions: ALL.filter((p) => p !== "tenant:manage"),
  },
  member: {
    name: "Member",
    description: "Works on projects",
    permissions: ["projects:read", "projects:write", "members:read", "tenant:read"],
  },
  viewer: {
    name: "Viewer",
    description: "Read-only access",
    permissions: ["projects:read", "members:read", "tenant:read"],
  },
} as const satisfies Record<string, { name: string; description: string; permissions: readonly Permission[] }>;

export type BuiltinRoleKey = keyof typeof BUILTIN_ROLES;

/** The role a new member gets unless someone picks another (forms, SSO sign-ups, the admin API). */
export const DEFAULT_ROLE_KEY = "member" satisfies BuiltinRoleKey;

export type RoleDefinition = { key: string; name: string; description?: string; permissions: readonly Permission[] };

/** Built-in roles as rows (`{ key, name, permissions }`), e.g. for `createTenancy({ builtinRoles })`. */
export const BUILTIN_ROLE_LIST: readonly (RoleDefinition & { key: BuiltinRoleKey })[] = Object.freeze(
  (Object.keys(BUILTIN_ROLES) as BuiltinRoleKey[]).map((key) => ({
    key,
    name: BUILTIN_ROLES[key].name,
    description: BUILTIN_ROLES[key].description,
    permissions: BUILTIN_ROLES[key].permissions,
  })),
);

export function isBuiltinRoleKey(value: unknown): value is BuiltinRoleKey {
  return typeof value === "string" && Object.hasOwn(BUILTIN_ROLES, value);
}

/** True when `roleKeys` holds the built-in `role`; a misspelt role (`"onwer"`) does not compile. */
export function hasRole(roleKeys: readonly string[], role: BuiltinRoleKey): boolean {
  return roleKeys.includes(role);
}

/** Role keys: lowercase slug, 2–40 chars. */
export const roleKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, "Use 2–40 lowercase letters, digits or dashes, starting with a letter");

/** A custom role payload (admin API / role editor). Only registered permissions are accepted. */
export const customRoleSchema = z.object({
  key: roleKeySchema.refine((k) => !isBuiltinRoleKey(k), "This key is reserved for a built-in role"),
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(300).optional(),
  permissions: z.array(z.enum(PERMISSIONS as [Permission, ...Permission[]])).max(PERMISSIONS.length),
});
export type CustomRole = z.infer<typeof customRoleSchema>;

/** A role as stored in a tenant database (permissions are untrusted strings). */
export type StoredRole = { key: string; permissions: readonly string[] };

/**
 * The permissions granted by a user's role keys. Built-in keys resolve from code (so code is the
 * source of truth even if a tenant's seeded row is stale); other keys from `customRoles`.
 * Unknown role keys and unregistered permission strings grant nothing.
 */
export function resolvePermissions(roleKeys: readonly string[], customRoles: readonly StoredRole[] = []): Permission[] {
  const granted: string[] = [];
  for (const key of roleKeys) {
    if (isBuiltinRoleKey(key)) {
      granted.push(...BUILTIN_ROLES[key].permissions);
      continue;
    }
    const custom = customRoles.find((r) => r.key === key);
    if (custom) granted.push(...custom.permissions);
  }
  return normalizePermissions(granted);
}
