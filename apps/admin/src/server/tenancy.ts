// The admin app's tenancy instance: the package's lazily-built default, configured once with
// the built-in roles from code (provisioning seeds them into each new tenant database).
import { BUILTIN_ROLE_LIST } from "@repo/auth/rbac";
import { configureTenancy, getTenancy, type Tenancy } from "@repo/tenancy";

let configured = false;

export function getAdminTenancy(): Tenancy {
  if (!configured) {
    configureTenancy({ builtinRoles: BUILTIN_ROLE_LIST });
    configured = true;
  }
  return getTenancy();
}
