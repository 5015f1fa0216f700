// The operator console's composition root (Node). The one place that reads the packages'
// settings from the environment and builds the app's long-lived instances: auth settings (read
// once), the revocation store (writes and listings within the one Redis budget; operator-session
// checks from the local snapshot), the sign-in limiter, identity settings and the mailer, and the
// tenancy instance (provisioning seeds the built-in roles from code). The packages expose
// factories only; everything here is passed on from this file.
//
// One set per process, built on first use (never at import: `next build` has no env), kept on
// globalThis because Next bundles instrumentation, the proxy's Node side and the route handlers
// separately. The proxy itself never imports this file (see server/auth/proxy-runtime.ts).
import { createMailer, loadIdentitySettings, type IdentitySettings, type Mailer } from "@repo/auth/identity";
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

type AdminRoot = {
  settings: AuthSettings;
  revocation?: SnapshotRevocationStore;
  signInLimiter?: SignInLimiter | null;
  identity?: IdentitySettings;
  mailer?: Mailer;
  tenancy?: Tenancy;
};

const ROOT = Symbol.for("@repo/admin/root");
const processGlobal = globalThis as { [ROOT]?: AdminRoot };

function root(): AdminRoot {
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

/**
 * The console's revocation store: always fail closed, and the one Redis budget
 * (REVOCATION_TIMEOUT_MS) for both apps — a frozen Redis costs an admin request no more than a
 * tenant request, and a failed write surfaces as a 503 to the operator instead of being skipped.
 */
export function getRevocationStore(): RevocationStore {
  const r = root();
  r.revocation ??= createRevocationStoreFromSettings(r.settings, {
    failMode: "closed",
    clientTimeoutMs: r.settings.revocationTimeoutMs,
  });
  return r.revocation;
}

/** The operator sign-in limiter (null without Redis: sign-in then answers 503). */
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

/** The tenancy instance (DATABASE_URL, TENANT_*), provisioning with the built-in roles from code. */
export function getTenancy(): Tenancy {
  const r = root();
  r.tenancy ??= createTenancy({ ...tenancyOptionsFromEnv(), builtinRoles: BUILTIN_ROLE_LIST });
  return r.tenancy;
}

/** Closes what the root opened (tests and CLIs; a server exits instead). The next use builds afresh. */
export async function closeAdminRoot(): Promise<void> {
  const current = processGlobal[ROOT];
  processGlobal[ROOT] = undefined;
  current?.revocation?.stop();
  await current?.tenancy?.close();
}
