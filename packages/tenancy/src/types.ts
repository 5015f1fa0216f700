import { type TenantStatus } from "@repo/db/control-plane";

export type { TenantStatus };

/** A tenant as the rest of the platform sees it (the control-plane row, camelCased). */
export type Tenant = {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  serverName: string;
  databaseName: string;
  createdAt: Date;
};

/** A built-in role as defined in code by the app (e.g. `BUILTIN_ROLE_LIST` from @repo/auth/rbac). */
export type BuiltinRoleInput = {
  key: string;
  name: string;
  description?: string;
  permissions: readonly string[];
};
