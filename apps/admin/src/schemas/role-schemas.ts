// Input schemas for /api/v1/tenants/:slug/roles*. Permission lists are checked against the
// code registry (`customRoleSchema` in @repo/auth/rbac): unknown permissions are a 400.
import { customRoleSchema, roleKeySchema } from "@repo/auth/rbac";

export const createRoleSchema = customRoleSchema;
export const updateRoleSchema = customRoleSchema.omit({ key: true });

/** The `:key` of /roles/:key, checked like a new role's key (a 400 with a field, not a 404 later). */
export const roleKeyParamSchema = roleKeySchema;
