// The tenant app's Auth.js instance (Node). Sessions are JWS signed with the platform keys;
// the gate, `requireSession()` and `requirePermission()` all verify with the same function.
// Sign-in brute-force limits wrap its credentials POST in the route (`withSignInLimits`).
import { createTenantEmailAdapter } from "@repo/auth/identity";
import { createTenantAuth } from "@repo/auth/server";
import { sendSignInLink } from "./identity/send-sign-in-link";
import {
  findUserByEmail,
  findUserById,
  loadRoles,
  markSessionSignedOut,
  recordSession,
  resolveTenantFromHost,
} from "./tenant-auth-deps";
import { tenantSsoHooks } from "./sso/tenant-sso-hooks";
import { getIdentitySettings, getSessionRevocationStore, getSettings, getTenantDb } from "@/server/web-root";

export const tenantAuth = createTenantAuth({
  settings: getSettings,
  revocation: getSessionRevocationStore,
  resolveTenantFromHost,
  findUserByEmail,
  findUserById,
  loadRoles,
  recordSession,
  onSignOut: markSessionSignedOut,
  sso: tenantSsoHooks,
  // Sign-in links: Auth.js's adapter methods over the tenant database of the request's Host.
  emailSignIn: {
    adapterFor: (tenantId) => createTenantEmailAdapter(getTenantDb(tenantId)),
    sendLink: sendSignInLink,
    smtpUrl: () => getIdentitySettings().smtpUrl,
  },
});
