// The tenant app's Auth.js instance (Node). Sessions are JWS signed with the platform keys;
// the gate, `requireSession()` and `requirePermission()` all verify with the same function.
// Sign-in brute-force limits wrap its credentials POST in the route (`withSignInLimits`).
import { createTenantAuth } from "@repo/auth/server";
import {
  findUserByEmail,
  findUserById,
  loadRoles,
  markSessionSignedOut,
  recordSession,
  resolveTenantFromHost,
} from "./tenant-auth-deps";
import { tenantSsoHooks } from "./sso/tenant-sso-hooks";

export const tenantAuth = createTenantAuth({
  resolveTenantFromHost,
  findUserByEmail,
  findUserById,
  loadRoles,
  recordSession,
  onSignOut: markSessionSignedOut,
  sso: tenantSsoHooks,
});
