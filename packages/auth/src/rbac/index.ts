// @repo/auth/rbac — permission registry, roles, `can()`, route policies. Edge-safe, pure.
export { PERMISSION_REGISTRY, PERMISSIONS, isPermission, normalizePermissions, type Permission } from "./permissions";
export {
  BUILTIN_ROLES,
  BUILTIN_ROLE_LIST,
  DEFAULT_ROLE_KEY,
  customRoleSchema,
  hasRole,
  isBuiltinRoleKey,
  resolvePermissions,
  roleKeySchema,
  type BuiltinRoleKey,
  type CustomRole,
  type RoleDefinition,
  type StoredRole,
} from "./roles";
export { can, type PermissionSubject } from "./can";
export {
  HTTP_METHODS,
  compilePathPattern,
  definePolicy,
  matchRoute,
  matchesAnyPattern,
  type CompiledRouteRule,
  type HttpMethod,
  type RoutePolicy,
  type RouteRule,
} from "./route-policy";
