// The tenant app's Auth.js instance (Node). Sessions are JWS signed with the platform keys;
// the gate, `requireSession()` and `requirePermission()` all verify with the same function.
// Sign-in rate limiting is done by the web route wrapper (real 429 + Retry-After), so the
// instance's built-in limiter is switched off to avoid counting attempts twice.
import { createTenantAuth } from "@repo/auth/server";
import {
  findUserByEmail,
  findUserById,
  loadRoles,
  markSessionSignedOut,
  recordSession,
  resolveTenantFromHost,
} from "./tenant-auth-deps";

export const tenantAuth = createTenantAuth({
  resolveTenantFromHost,
  findUserByEmail,
  findUserById,
  loadRoles,
  recordSession,
  onSignOut: markSessionSignedOut,
  rateLimiter: null,
});
