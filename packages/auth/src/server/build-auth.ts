// The Auth.js v5 instance shared by the tenant and operator flavours. Node (Next server).
// Lazy init (`NextAuth(async (req) => config)`): settings and keys resolve on the first request,
// never at import, so `next build` needs no secrets. Sessions are JWS (our keys), not JWE.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { Adapter } from "next-auth/adapters";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { headers as nextHeaders } from "next/headers";
import { apiErrorResponse } from "@repo/api-errors";
import { NextRequest } from "next/server";
import { z } from "zod";
import { authCookieNames, createAuthConfig, sessionCookieName, type AuthInstanceKind } from "../config/index";
import { createVerifiedTokenCache, readCookieValues, verifySession, type VerifiedTokenCache } from "../gate/index";
import { normalizePermissions } from "../rbac/index";
import type { RevocationStore } from "../revocation/index";
import { getSigningKeys, getSigningKeysJson, type AuthSettings } from "../settings/index";
import { signSessionToken, verifySessionToken, type KeySet, type SessionClaims } from "../token/index";
import { noAccountAdapter } from "./no-account-adapter";
import { readAuthBody } from "./read-auth-body";
import type { SignInGuard } from "./sign-in-guard";
import { verifyPassword } from "./password";
import { defaultClientIp, deriveAuthSecret, randomSessionId, readRequestHost, rebuildUrl } from "./request-context";
import "./session-types";
import { readSsoProviders, resolveSsoSignIn } from "./sso-sign-in";
import type { AuthTenant, AuthUserRecord, CommonAuthDeps, EmailSignInDeps, TenantSsoHooks } from "./types";

/**
 * `adapter` whose account lookup returns the user our SSO policy resolved in this request's
 * `signIn` callback (Auth.js calls it after `signIn` and, finding the user, neither links nor
 * creates accounts itself). Every other method is the tenant's own.
 */
function withSsoAccounts(
  adapter: Adapter,
  resolved: () => { provider: string; providerAccountId: string; user: SignInUser } | null,
): Adapter {
  return {
    ...adapter,
    async getUserByAccount(account) {
      const sso = resolved();
      if (sso && sso.provider === account.provider && sso.providerAccountId === account.providerAccountId) {
        return { id: sso.user.id, email: sso.user.email, name: sso.user.name, emailVerified: null };
      }
      return adapter.getUserByAccount ? adapter.getUserByAccount(account) : null;
    },
  };
}

/** Who signs in where: a tenant (aud = tenant id) or the operator console (aud = "admin"). */
export type AuthContext = { tenant: AuthTenant; audience: string };
export type Access = { roles: string[]; permissions: string[] };

export type InstanceSpec<U extends AuthUserRecord> = {
  kind: AuthInstanceKind;
  deps: CommonAuthDeps;
  resolveContext: (host: string | null) => Promise<AuthContext | null>;
  findUser: (ctx: AuthContext, email: string) => Promise<U | null>;
  findUserById?: (ctx: AuthContext, id: string) => Promise<U | null>;
  loadAccess: (ctx: AuthContext, user: { id: string; role?: string }) => Promise<Access>;
  /** Tenant instances only: identity-provider sign-in (providers, account policy, enforcement). */
  sso?: TenantSsoHooks;
  /** Sign-in links (tenant app only). */
  emailSignIn?: EmailSignInDeps;
};

export type Runtime = {
  settings: AuthSettings;
  keys: KeySet;
  secret: string;
  revocation: RevocationStore | null;
  cookieName: string;
  /** Verified tokens of this instance (data layer, Auth.js decode). */
  tokenCache: VerifiedTokenCache;
};

/**
 * Error codes shown as `?code=` on the sign-in page (no account enumeration). Brute-force limits
 * are not here: `withSignInLimits` answers before Auth.js runs (Auth.js can't send a 429).
 */
class SignInRefused extends CredentialsSignin {
  constructor(code: "account_disabled" | "tenant_unavailable" | "sso_required") {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

type SignInUser = { id: string; email: string; name: string | null } & Access & {
    startedAtMs: number;
    ip: string | null;
    userAgent: string | null;
  };

/** One clock for stamps and epochs: the revocation store's (Redis TIME); local time without a store. */
async function stampNow(rt: Runtime): Promise<number> {
  if (!rt.revocation) return Date.now();
  try {
    return await rt.revocation.currentTimeMs();
  } catch {
    throw new SignInRefused("tenant_unavailable");
  }
}

export function buildAuthInstance<U extends AuthUserRecord>(spec: InstanceSpec<U>) {
  const { deps, kind } = spec;
  let runtimePromise: Promise<Runtime> | undefined;
  /** Sign-out requests whose server-side revocation failed (Auth.js swallows event errors). */
  const failedSignOuts = new WeakSet<Request>();

  const runtime = (): Promise<Runtime> =>
    (runtimePromise ??= (async () => {
      const settings = deps.settings();
      const keys = await (deps.keys ?? getSigningKeys)();
      let secret = settings.secret;
      if (!secret) {
        if (deps.keys) throw new Error("[@repo/auth] settings.secret is required when keys are injected");
        secret = deriveAuthSecret(await getSigningKeysJson());
      }
      const revocation = deps.revocation();
      return {
        settings,
        keys,
        secret,
        revocation,
        cookieName: sessionCookieName(kind, settings.secureCookies),
        tokenCache: createVerifiedTokenCache(),
      };
    })().catch((error: unknown) => {
      runtimePromise = undefined; // let the next request retry (and print the one-line reason)
      throw error;
    }));

  /**
   * THE session check (`verifySession`, shared with the gate) for `ctx`, over every value of the
   * session cookie; then stale claims are re-read (the data layer doesn't re-sign the cookie:
   * the proxy does on the same request).
   */
  async function verifyForContext(
    rt: Runtime,
    ctx: AuthContext,
    tokens: readonly string[],
  ): Promise<{ ok: true; claims: SessionClaims } | { ok: false; unavailable: boolean }> {
    const session = await verifySession(tokens, {
      keys: rt.keys,
      issuer: rt.settings.issuer,
      audience: ctx.audience,
      tenantId: ctx.tenant.id,
      revocation: rt.revocation,
      cache: rt.tokenCache,
      maxSessionAgeSeconds: rt.settings.absoluteSessionCap,
    });
    if (!session.ok) return { ok: false, unavailable: session.unavailable };
    let claims = session.entry.claims;
    if (session.check?.stale) {
      const fresh = await reloadClaims(ctx, claims);
      if (!fresh) return { ok: false, unavailable: false };
      claims = fresh;
    }
    return { ok: true, claims };
  }

  /**
   * Stale claims (role change): the same session with roles/permissions re-read now.
   * null when the user is gone or disabled (they must sign in again).
   */
  async function reloadClaims(ctx: AuthContext, claims: SessionClaims): Promise<SessionClaims | null> {
    // Stamp BEFORE reading (same clock as the stale markers): a demotion committed after these
    // reads carries a later marker, so the re-issued token is stale again and re-read once more.
    const loadedAtMs = await stampNow(await runtime()).catch(() => null);
    if (loadedAtMs === null) return null;
    if (spec.findUserById) {
      const user = await spec.findUserById(ctx, claims.sub);
      if (!user || user.disabled) return null;
    }
    const access = await spec.loadAccess(ctx, { id: claims.sub });
    return { ...claims, roles: access.roles, permissions: access.permissions, cat: loadedAtMs };
  }

  function signFor(
    rt: Runtime,
    claims: Omit<SessionClaims, "iss" | "aud" | "iat" | "exp">,
    audience: string,
    maxAge?: number,
  ) {
    const now = Math.floor(Date.now() / 1000);
    const remaining = claims.auth_time + rt.settings.absoluteSessionCap - now;
    return signSessionToken(claims, rt.keys, {
      issuer: rt.settings.issuer,
      audience,
      expiresInSeconds: Math.max(1, Math.min(maxAge ?? rt.settings.sessionMaxAge, remaining)),
      now,
    });
  }

  const nextAuth = NextAuth(async (req) => {
    const rt = await runtime();
    const headers = req?.headers ?? (await nextHeaders());
    const ctx = await spec.resolveContext(readRequestHost(headers, rt.settings.trustForwardedHost));
    const base = createAuthConfig(kind, {
      secure: rt.settings.secureCookies,
      sessionMaxAge: rt.settings.sessionMaxAge,
    });
    const cap = rt.settings.absoluteSessionCap;
    const emailSignIn = ctx && spec.emailSignIn ? spec.emailSignIn : null;
    // The IdP sign-in this request resolved (our SSO policy, in `signIn` below). With the Email
    // provider's adapter present, Auth.js looks the IdP account up through the adapter after
    // `signIn` and would otherwise refuse or try to create the account itself: the adapter
    // answers with the user our policy chose, and `jwt` signs the claims loaded for it.
    let ssoSignIn: { provider: string; providerAccountId: string; user: SignInUser } | null = null;

    /** The account behind a used sign-in link, with its access, like `authorize` returns it. */
    async function emailSignInUser(email: string | null | undefined): Promise<SignInUser | null> {
      if (!ctx || !email) return null;
      // Stamped before the user's state is read, like the credentials sign-in (see `authorize`).
      const startedAtMs = await stampNow(rt);
      const user = await spec.findUser(ctx, email);
      if (!user || user.disabled) return null;
      return toSignInUser(ctx, user, startedAtMs, req);
    }

    /** One shape for every sign-in method: the account, its access, and the session's stamps. */
    async function toSignInUser(
      context: AuthContext,
      user: { id: string; email: string; name: string | null; role?: string },
      startedAtMs: number,
      request: Request | undefined,
    ): Promise<SignInUser> {
      const access = await spec.loadAccess(context, user);
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        ...access,
        startedAtMs,
        ip: request ? (deps.getClientIp ?? defaultClientIp)(request) : null,
        userAgent: (request?.headers ?? headers).get("user-agent"),
      };
    }

    const config: NextAuthConfig = {
      ...base,
      secret: rt.secret,
      providers: [
        Credentials({
          credentials: { email: { type: "email" }, password: { type: "password" } },
          async authorize(raw, request) {
            // Fail closed on any status but "active"; the change log's status beats the registry cache.
            const status = ctx ? (rt.revocation?.tenantStatus?.(ctx.tenant.id) ?? ctx.tenant.status) : null;
            if (!ctx || status !== "active") throw new SignInRefused("tenant_unavailable");
            const parsed = credentialsSchema.safeParse(raw);
            if (!parsed.success) return null;
            const { email, password } = parsed.data;
            // SSO enforced for this email's domain: no password sign-in, whatever the password.
            if (await spec.sso?.isPasswordSignInRefused?.(ctx.tenant, email)) throw new SignInRefused("sso_required");
            // The session-start stamp is taken BEFORE the user's state is read, from the clock
            // epochs are stamped with: a disable committed after this read has a later epoch, so
            // the token issued here dies on its first check.
            const startedAtMs = await stampNow(rt);
            const user = await spec.findUser(ctx, email);
            // Always run argon2 (a dummy hash for unknown users): timing doesn't reveal accounts.
            const matches = await verifyPassword(user?.passwordHash ?? null, password);
            if (!user || !matches) return null;
            if (user.disabled) throw new SignInRefused("account_disabled");
            return toSignInUser(ctx, user, startedAtMs, request);
          },
        }),
        ...(await readSsoProviders(spec.sso, ctx)),
        // Sign-in links: the mail links to a confirm page on the tenant host whose POST consumes
        // the token (a scanner's GET never does: the route handler turns GETs into the page).
        ...(emailSignIn && ctx
          ? [
              Nodemailer({
                server: emailSignIn.smtpUrl(),
                maxAge: emailSignIn.maxAgeSeconds ?? 10 * 60,
                async sendVerificationRequest({ identifier, url, token }) {
                  const callbackUrl = new URL(url).searchParams.get("callbackUrl") ?? "/";
                  await emailSignIn.sendLink({ tenant: ctx.tenant, email: identifier, token, callbackUrl });
                },
              }),
            ]
          : []),
      ],
      // Sign-in links need an adapter; once any configuration of this process had one, Auth.js
      // refuses configurations without one, so a request for no tenant gets the empty adapter.
      ...(emailSignIn && ctx
        ? { adapter: withSsoAccounts(emailSignIn.adapterFor(ctx.tenant.id), () => ssoSignIn) }
        : spec.emailSignIn
          ? { adapter: noAccountAdapter }
          : {}),
      jwt: {
        maxAge: rt.settings.sessionMaxAge,
        async encode({ token, maxAge }) {
          if (!ctx || !token?.sub || !token.sid || typeof token.auth_time !== "number") return "";
          const claims = {
            sub: token.sub,
            tid: ctx.tenant.id,
            sid: token.sid,
            auth_time: token.auth_time,
            cat: token.cat ?? token.auth_time * 1000,
            roles: token.roles ?? [],
            permissions: token.permissions ?? [],
            ...(token.email ? { email: token.email } : {}),
            ...(token.name ? { name: token.name } : {}),
          };
          return signFor(rt, claims, ctx.audience, maxAge);
        },
        async decode({ token }) {
          if (!ctx) return null;
          const verified = await verifyForContext(rt, ctx, token ? [token] : []);
          return verified.ok ? (verified.claims as unknown as JWT) : null;
        },
      },
      callbacks: {
        ...base.callbacks,
        // IdP sign-ins (not Credentials): map the identity to a tenant user or refuse with a code.
        async signIn({ user, account, profile, email }) {
          if (account?.type === "email") {
            if (!ctx || ctx.tenant.status !== "active") return false;
            // SSO enforced for this address's domain: sign-in links are refused like passwords.
            if (user.email && (await spec.sso?.isPasswordSignInRefused?.(ctx.tenant, user.email))) {
              return "/signin?error=SsoSignin&code=sso_required";
            }
            // Asking for a link: the same answer for every address (no enumeration); `sendLink`
            // mails existing accounts only. Using a link: the account must exist and be enabled.
            if (email?.verificationRequest) return true;
            return (await emailSignInUser(user.email)) !== null;
          }
          if (account?.type !== "oidc" && account?.type !== "oauth") return true;
          // Stamped before the account read, as for passwords: a disable committed after it wins.
          const startedAtMs = await stampNow(rt);
          const resolved = await resolveSsoSignIn(spec.sso, ctx, account.provider, profile);
          if (!resolved.ok || !ctx)
            return `/signin?error=SsoSignin&code=${resolved.ok ? "sso_unavailable" : resolved.code}`;
          const signInUser = await toSignInUser(ctx, resolved.user, startedAtMs, req);
          ssoSignIn = { provider: account.provider, providerAccountId: account.providerAccountId, user: signInUser };
          return true;
        },
        async jwt({ token, user, account }) {
          if (!user || !ctx) return token;
          const u =
            account?.type === "email"
              ? await emailSignInUser(user.email)
              : account?.type === "oidc" || account?.type === "oauth"
                ? ssoSignIn?.user
                : (user as unknown as SignInUser);
          if (!u) return null;
          const now = Math.floor(u.startedAtMs / 1000);
          const sid = randomSessionId();
          await deps.recordSession?.({
            tenantId: ctx.tenant.id,
            userId: u.id,
            sid,
            createdAt: new Date(now * 1000),
            expiresAt: new Date((now + cap) * 1000),
            ip: u.ip,
            userAgent: u.userAgent,
            method:
              account?.type === "email"
                ? "email"
                : account?.type === "oidc" || account?.type === "oauth"
                  ? "sso"
                  : "credentials",
          });
          return {
            sub: u.id,
            email: u.email,
            name: u.name,
            tid: ctx.tenant.id,
            sid,
            roles: u.roles,
            permissions: u.permissions,
            auth_time: now,
            cat: u.startedAtMs,
          };
        },
        session({ session, token }) {
          return {
            ...session,
            user: { id: token.sub ?? "", email: token.email ?? null, name: token.name ?? null },
            tenant: ctx
              ? { id: ctx.tenant.id, slug: ctx.tenant.slug, name: ctx.tenant.name }
              : { id: "", slug: "", name: "" },
            roles: token.roles ?? [],
            permissions: normalizePermissions(token.permissions ?? []),
            sessionId: token.sid ?? "",
          };
        },
      },
      events: {
        // Sign-out revokes the session server-side, not only the cookie. It reads the cookie
        // itself (signature + claims, no revocation read): Auth.js's decoded `token` is null
        // whenever the store could not answer, and a session that outlives a "signed out"
        // message is exactly what sign-out must prevent. A failed write is reported by `handle`.
        async signOut() {
          if (!ctx) return;
          // Every value of the session cookie that verifies for this tenant is revoked: a tossed
          // duplicate (listed first) must not make sign-out revoke it instead of the real session.
          const revoked: SessionClaims[] = [];
          for (const raw of readCookieValues(headers.get("cookie"), rt.cookieName)) {
            const verified = await verifySessionToken(raw, rt.keys, {
              issuer: rt.settings.issuer,
              audience: ctx.audience,
              maxSessionAgeSeconds: cap,
            });
            if (!verified.ok || verified.claims.tid !== ctx.tenant.id) continue; // nothing of ours to revoke
            const { tid, sid, auth_time: authTime } = verified.claims;
            try {
              await rt.revocation?.revokeSession(tid, sid, authTime + cap);
            } catch (error) {
              if (req) failedSignOuts.add(req);
              throw error;
            }
            revoked.push(verified.claims);
          }
          for (const { tid, sub, sid } of revoked) {
            await deps.onSignOut?.({ tenantId: tid, userId: sub, sid });
          }
        },
      },
    };
    return config;
  });

  /** Route handlers that rebuild `req.url` on the validated host before Auth.js sees it. */
  async function handle(req: NextRequest): Promise<Response> {
    // Auth.js's session endpoint is not served: nothing here uses it, it re-signs tokens up to
    // the absolute cap, and it clears the cookie whenever a decode fails (e.g. Redis slow).
    // Server code reads the session with `getSession()`; clients with `GET /api/me`.
    if (new URL(req.url).pathname.endsWith("/api/auth/session")) {
      return apiErrorResponse("not_found", "There is no session endpoint here. Use GET /api/me.");
    }
    const rt = await runtime();
    const host = readRequestHost(req.headers, rt.settings.trustForwardedHost);
    const ctx = await spec.resolveContext(host);
    if (!ctx || !host) {
      return apiErrorResponse("tenant_not_found", "No organisation lives at this address. Check the URL.");
    }
    let body: string | undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      const read = await readAuthBody(req);
      if (read instanceof Response) return read;
      body = read;
    }
    const rebuilt = new NextRequest(rebuildUrl(req.url, host, rt.settings.secureCookies), {
      method: req.method,
      headers: req.headers,
      ...(body ? { body } : {}),
    });
    if (req.method !== "POST") return nextAuth.handlers.GET(rebuilt);
    const response = await nextAuth.handlers.POST(rebuilt);
    if (failedSignOuts.has(rebuilt)) {
      // Fail closed: keep the cookie (no Set-Cookie) so the user sees the failure and retries.
      return apiErrorResponse(
        "service_unavailable",
        "We couldn't end your session on the server. Try signing out again in a moment.",
        { headers: { "retry-after": "1" } },
      );
    }
    return response;
  }

  /** What `withSignInLimits` needs to check CSRF before counting and to issue device cookies. */
  async function signInGuard(): Promise<SignInGuard> {
    const rt = await runtime();
    const names = authCookieNames(kind, rt.settings.secureCookies);
    return {
      secret: rt.secret,
      csrfCookieName: names.csrfToken,
      deviceCookieName: names.device,
      secure: rt.settings.secureCookies,
    };
  }

  return {
    nextAuth,
    runtime,
    verifyForContext,
    reloadClaims,
    signFor,
    signInGuard,
    handlers: { GET: handle, POST: handle },
  };
}

export type AuthInstance = ReturnType<typeof buildAuthInstance>;
