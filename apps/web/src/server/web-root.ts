// The web app's composition root (Node). The one place that reads the packages' settings from
// the environment and builds the app's long-lived instances: auth settings (read once), the
// revocation snapshot store, the sign-in and password-reset limiters, identity settings and the
// mailer, and the tenancy instance (registry cache + connection router, with the built-in roles
// from code). The packages expose factories only; everything here is passed on from this file.
//
// One set per process, built on first use (never at import: `next build` has no env), kept on
// globalThis because Next bundles instrumentation, the proxy's Node side and the route handlers
// separately (a module-level variable would be one per bundle). The proxy itself never imports
// this file: it receives what it needs through server/proxy-runtime.ts.
import { sessionCookieName } from "@repo/auth/config";
import {
  createMailer,
  createPasswordResetLimiter,
  loadIdentitySettings,
  type IdentitySettings,
} from "@repo/auth/identity";
import type { Mailer } from "@repo/auth/identity";
import { BUILTIN_ROLE_LIST } from "@repo/auth/rbac";
import type { RevocationStore, SnapshotRevocationStore } from "@repo/auth/revocation";
import { createSignInLimiterFromSettings, type SignInLimiter } from "@repo/auth/server";
import {
  createRevocationStoreFromSettings,
  getSigningKeys,
  loadAuthSettings,
  type AuthSettings,
} from "@repo/auth/settings";
import type { KeySet } from "@repo/auth/token";
import { createTenancy, tenancyOptionsFromEnv, type Tenancy } from "@repo/tenancy";

type WebRoot = {
  settings: AuthSettings;
  revocation?: SnapshotRevocationStore;
  signInLimiter?: SignInLimiter | null;
  identity?: IdentitySettings;
  mailer?: Mailer;
  passwordResetLimiter?: SignInLimiter | null;
  tenancy?: Tenancy;
};

const ROOT = Symbol.for("@repo/web/root");
const processGlobal = globalThis as { [ROOT]?: WebRoot };

function root(): WebRoot {
  processGlobal[ROOT] ??= { settings: loadAuthSettings() };
  return processGlobal[ROOT];
}

/** Auth settings (AUTH_*, REVOCATION_*, SIGNIN_RATE_LIMIT_*, UPSTASH_*, TRUST_FORWARDED_HOST). */
export function getSettings(): AuthSettings {
  return root().settings;
}

/** The signing key set (AUTH_SIGNING_KEYS, or persisted dev keys outside production). */
export function getKeySet(): Promise<KeySet> {
  return getSigningKeys();
}

/** The local snapshot over Redis: fails fast (REVOCATION_TIMEOUT_MS) and closed by default (REVOCATION_FAIL_MODE). */
export function getSessionRevocationStore(): RevocationStore {
  const r = root();
  r.revocation ??= createRevocationStoreFromSettings(r.settings);
  return r.revocation;
}

/** The tenant session cookie (host-only; `__Host-` prefixed when cookies are secure). */
export function getSessionCookieName(): string {
  return sessionCookieName("tenant", getSettings().secureCookies);
}

/** The sign-in limiter (null without Redis: sign-in then answers 503). */
export function getSignInLimiter(): SignInLimiter | null {
  const r = root();
  if (r.signInLimiter === undefined) r.signInLimiter = createSignInLimiterFromSettings(r.settings);
  return r.signInLimiter;
}

export function getIdentitySettings(): IdentitySettings {
  const r = root();
  r.identity ??= loadIdentitySettings(r.settings);
  return r.identity;
}

/** SMTP_URL / MAIL_FROM. */
export function getMailer(): Mailer {
  const r = root();
  if (!r.mailer) {
    const identity = getIdentitySettings();
    r.mailer = createMailer({ smtpUrl: identity.smtpUrl, from: identity.mailFrom });
  }
  return r.mailer;
}

/** Limits on password-reset requests (null without Redis). */
export function getPasswordResetLimiter(): SignInLimiter | null {
  const r = root();
  if (r.passwordResetLimiter === undefined) r.passwordResetLimiter = createPasswordResetLimiter(r.settings);
  return r.passwordResetLimiter;
}

/** The tenancy instance (DATABASE_URL, TENANT_*), provisioning with the built-in roles from code. */
export function getTenancy(): Tenancy {
  const r = root();
  r.tenancy ??= createTenancy({ ...tenancyOptionsFromEnv(), builtinRoles: BUILTIN_ROLE_LIST });
  return r.tenancy;
}

type T = Tenancy;
/** The tenant's database (the only way to tenant data). */
export const getTenantDb: T["getTenantDb"] = (tenantId) => getTenancy().getTenantDb(tenantId);
export const getControlPlaneDb: T["getControlPlaneDb"] = () => getTenancy().getControlPlaneDb();
export const resolveTenant: T["resolveTenant"] = (slug) => getTenancy().resolveTenant(slug);
export const getTenantById: T["getTenantById"] = (id) => getTenancy().getTenantById(id);

/** Closes what the root opened (tests; a server exits instead). The next use builds afresh. */
export async function closeWebRoot(): Promise<void> {
  const current = processGlobal[ROOT];
  processGlobal[ROOT] = undefined;
  current?.revocation?.stop();
  await current?.tenancy?.close();
}
