// Dependencies the apps inject into the Auth.js instances (so @repo/auth never imports
// tenancy or a database driver).
import type { Provider } from "next-auth/providers";
import type { Adapter } from "next-auth/adapters";
import type { KeySet } from "../token/index";
import type { RevocationStore } from "../revocation/index";
import type { StoredRole } from "../rbac/index";
import type { AuthSettings } from "../settings/index";

export type AuthTenant = { id: string; slug: string; name: string; status: string };

/** A user row as the auth package needs it. */
export type AuthUserRecord = {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string | null;
  disabled: boolean;
};

export type SessionRecord = {
  tenantId: string;
  userId: string;
  sid: string;
  createdAt: Date;
  /** auth_time + absolute cap: the session can't live longer. */
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  /** How the user proved who they are: password, sign-in link (email) or an identity provider. */
  method: "credentials" | "email" | "sso";
};

export type CommonAuthDeps = {
  /** Records the session in an inventory at sign-in (tenant `sessions` table / audit). */
  recordSession?: (session: SessionRecord) => Promise<void>;
  /** Called after sign-out revoked the session (e.g. set `sessions.revoked_at`). */
  onSignOut?: (session: { tenantId: string; userId: string; sid: string }) => Promise<void>;
  /**
   * The app's revocation store (null: none, e.g. a test without Redis). A getter, resolved on the
   * first request (never at import: `next build` has no Redis) — the app's composition root owns it.
   */
  revocation: () => RevocationStore | null;
  /** Default: `getSigningKeys()` (env or dev keys). */
  keys?: () => Promise<KeySet>;
  /** The app's settings (`loadAuthSettings()` once, in its composition root); resolved on the first request. */
  settings: () => AuthSettings;
  /** Client IP of a sign-in request; default: last `X-Forwarded-For` hop, else `X-Real-IP`. */
  getClientIp?: (request: Request) => string | null;
};

/** Sign-in with an identity provider on a tenant host (see @repo/auth/sso). All optional. */
export type TenantSsoHooks = {
  /** OAuth/OIDC providers offered on this tenant's host, built per request. */
  providers: (tenant: AuthTenant) => Promise<Provider[]>;
  /** The tenant user an IdP identity signs in as (JIT provisioning / verified link), or a refusal code. */
  resolveUser: (
    tenant: AuthTenant,
    input: { providerId: string; profile: Record<string, unknown> },
  ) => Promise<{ ok: true; user: AuthUserRecord } | { ok: false; code: string }>;
  /** True when password sign-in must be refused for `email` (SSO enforced for its domain). */
  isPasswordSignInRefused?: (tenant: AuthTenant, email: string) => Promise<boolean>;
};

/**
 * Sign-in by email link (Auth.js's Nodemailer provider), routed to the tenant of the request's
 * Host: `adapterFor(tenantId)` gives the adapter methods over that tenant's database, `sendLink`
 * mails the link (the app builds it on the tenant's own host and skips unknown accounts).
 */
export type EmailSignInDeps = {
  adapterFor: (tenantId: string) => Adapter;
  sendLink: (input: { tenant: AuthTenant; email: string; token: string; callbackUrl: string }) => Promise<void>;
  /** Link lifetime in seconds (default 10 minutes). */
  maxAgeSeconds?: number;
  /** SMTP URL handed to the provider (it sends through `sendLink`, never through this); read lazily. */
  smtpUrl: () => string;
};

export type TenantAuthDeps = CommonAuthDeps & {
  sso?: TenantSsoHooks;
  /** Enables sign-in links next to the password form. */
  emailSignIn?: EmailSignInDeps;
  /** Validated Host header -> tenant (null: unknown host). Never consult body/query. */
  resolveTenantFromHost: (host: string) => Promise<AuthTenant | null>;
  findUserByEmail: (tenantId: string, email: string) => Promise<AuthUserRecord | null>;
  /** Used by `refreshClaims` to refuse deleted/disabled users. */
  findUserById?: (tenantId: string, userId: string) => Promise<AuthUserRecord | null>;
  /** The user's role keys and the tenant's custom roles. */
  loadRoles: (tenantId: string, userId: string) => Promise<{ roles: string[]; customRoles?: readonly StoredRole[] }>;
};

export type OperatorAuthDeps = CommonAuthDeps & {
  /** Hosts the console answers on (e.g. ["localhost:3001"]); any host when omitted. */
  allowedHosts?: readonly string[];
  findOperatorByEmail: (email: string) => Promise<(AuthUserRecord & { role: string }) | null>;
  findOperatorById?: (id: string) => Promise<(AuthUserRecord & { role: string }) | null>;
  /** Roles/permissions claimed by an operator; default: `{ roles: [role], permissions: [] }`. */
  loadOperatorAccess?: (
    operator: AuthUserRecord & { role: string },
  ) => Promise<{ roles: string[]; permissions: string[] }>;
};
