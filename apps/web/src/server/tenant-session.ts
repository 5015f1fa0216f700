// The data layer's session check, from @repo/auth: `requireSession()` / `requirePermission()`
// re-verify the cookie (THE verification function + revocation, fail closed) and match the
// token's tenant to the Host's tenant. They never read the proxy's `x-repo-*` headers.
import type { ServerSession } from "@repo/auth/server";
import { tenantAuth } from "./tenant-auth";

export type TenantSession = ServerSession;

export const { getSession, requireSession, requirePermission } = tenantAuth;
