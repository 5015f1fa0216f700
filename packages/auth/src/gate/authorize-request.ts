// The request gate. Runs in the proxy (Node in Next 16) and in any edge runtime: web-standard
// APIs only. Order: strip client `x-repo-*` -> tenant from Host -> public route? -> verify
// token -> token tenant == host tenant -> revocation (+ stale-claims refresh) -> route policy.
// Guarantees: never throws for a bad request/token; a request it lets through carries only the
// verified context in `x-repo-*`; when revocation can't be checked it fails closed by default.
import { matchRoute, matchesAnyPattern, compilePathPattern, type RoutePolicy } from "../rbac/index";
import { verifySessionToken, type KeySet, type SessionClaims } from "../token/index";
import type { RevocationStore } from "../revocation/index";
import { readCookieValues, sessionCookie, type SessionCookie } from "./cookies";
import { verifySession } from "./verify-session";
import type { AllowDecision, Decision, DecisionReason, DenyDecision, GateTenant, RedirectDecision } from "./decision";
import { pathnameOf, readRequestHost } from "./host";
import { createVerifiedTokenCache, type VerifiedTokenCache } from "./token-cache";

export type GateOptions = {
  /** The verification key set (or a lazy getter, resolved on first use). */
  keys: KeySet | (() => Promise<KeySet>);
  issuer: string;
  /** e.g. "example.com" or "localhost:3000". */
  rootDomain: string;
  /** slug -> tenant (may be a cached lookup). */
  resolveTenant: (slug: string) => GateTenant | null | Promise<GateTenant | null>;
  /**
   * Host -> slug under `rootDomain`, or null. The platform has one parser, `parseTenantSlug`
   * from `@repo/tenancy/host` (auth never imports tenancy: the app passes it in).
   */
  parseTenantSlug: (host: string, rootDomain: string) => string | null;
  revocation: RevocationStore | null;
  policy: RoutePolicy;
  /** Path patterns served without a session (default: /signin, /api/auth/*, /.well-known/*). */
  publicRoutes?: readonly string[];
  cookieName: string;
  /** Re-issues a token with fresh roles when the store marks the claims stale. null = sign in again. */
  refreshClaims?: (claims: SessionClaims) => Promise<string | null>;
  trustForwardedHost?: boolean;
  signInPath?: string;
  clockToleranceSeconds?: number;
  maxSessionAgeSeconds?: number;
  /** Max cached verified tokens (default 10 000). */
  tokenCacheSize?: number;
};

export const INTERNAL_HEADER_PREFIX = "x-repo-";

/**
 * The headers to pass a request on with: a copy of `headers` without any `x-repo-*` header
 * (those carry verified context only when the proxy sets them itself, so every client-sent copy
 * is dropped), then every header of `forward` set over it — what the proxy's own stages add for
 * the handlers behind it (request id, CSP nonce), replacing any client-sent value.
 */
export function withoutInternalHeaders(headers: Headers, forward?: Headers): Headers {
  const copy = new Headers(headers);
  const internal: string[] = [];
  copy.forEach((_, name) => {
    if (name.startsWith(INTERNAL_HEADER_PREFIX)) internal.push(name);
  });
  for (const name of internal) copy.delete(name);
  forward?.forEach((value, name) => copy.set(name, value));
  return copy;
}
const DEFAULT_PUBLIC_ROUTES = ["/signin", "/api/auth/*", "/.well-known/*"];

type Prepared = {
  publicPatterns: RegExp[];
  cache: VerifiedTokenCache;
  keys?: KeySet;
};
const prepared = new WeakMap<GateOptions, Prepared>();

function prepare(options: GateOptions): Prepared {
  let p = prepared.get(options);
  if (!p) {
    p = {
      publicPatterns: (options.publicRoutes ?? DEFAULT_PUBLIC_ROUTES).map(compilePathPattern),
      cache: createVerifiedTokenCache(options.tokenCacheSize),
    };
    prepared.set(options, p);
  }
  return p;
}

function buildForwardHeaders(tenant: GateTenant, claims: SessionClaims | null): Record<string, string> {
  const h: Record<string, string> = { "x-repo-tenant-id": tenant.id, "x-repo-tenant-slug": tenant.slug };
  if (claims) {
    h["x-repo-user-id"] = claims.sub;
    h["x-repo-session-id"] = claims.sid;
    h["x-repo-roles"] = claims.roles.join(",");
    h["x-repo-permissions"] = claims.permissions.join(",");
  }
  return h;
}

/** Allow decisions are class instances: a prototype method is cheaper than a per-object closure. */
class Allow implements AllowDecision {
  readonly type = "allow" as const;
  setCookie?: SessionCookie;
  revocationError?: AllowDecision["revocationError"];
  #request: Request;
  constructor(
    request: Request,
    readonly reason: AllowDecision["reason"],
    readonly tenant: GateTenant,
    readonly claims: SessionClaims | null,
    readonly forwardHeaders: Record<string, string>,
  ) {
    this.#request = request;
  }
  // Built when asked for: the hot path shouldn't pay for copying headers it may not need.
  requestHeaders(forward?: Headers): Headers {
    const built = withoutInternalHeaders(this.#request.headers, forward);
    for (const [name, value] of Object.entries(this.forwardHeaders)) built.set(name, value);
    if (this.setCookie) built.set("cookie", replaceCookie(this.#request.headers.get("cookie"), this.setCookie));
    return built;
  }
}

function replaceCookie(header: string | null, cookie: SessionCookie): string {
  const others = (header ?? "")
    .split(";")
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith(`${cookie.name}=`));
  return [...others, `${cookie.name}=${cookie.value}`].join("; ");
}

const deny = (
  status: DenyDecision["status"],
  code: DenyDecision["code"],
  message: string,
  reason: DecisionReason,
): DenyDecision => ({
  type: "deny",
  status,
  code,
  message,
  reason,
});

/** Pages go to sign-in on the same host; `/api/*` gets a 401 JSON. */
function unauthenticated(
  pathname: string,
  search: string,
  options: GateOptions,
  reason: DecisionReason,
  hadToken: boolean,
): RedirectDecision | DenyDecision {
  const clearCookie = hadToken ? sessionCookie(options.cookieName, "", 0) : undefined;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return { ...deny(401, "unauthenticated", "Sign in to continue.", reason), ...(clearCookie ? { clearCookie } : {}) };
  }
  const callbackUrl = encodeURIComponent(pathname + search);
  return {
    type: "redirect",
    status: 307,
    reason,
    location: `${options.signInPath ?? "/signin"}?callbackUrl=${callbackUrl}`,
    ...(clearCookie ? { clearCookie } : {}),
  };
}

async function resolveKeys(options: GateOptions, p: Prepared): Promise<KeySet> {
  if (typeof options.keys !== "function") return options.keys;
  p.keys ??= await options.keys();
  return p.keys;
}

/**
 * Decides what happens to `request`. Never throws: client input yields a decision, and a
 * failing dependency (`resolveTenant`, `refreshClaims`, the key getter) fails closed as a 503
 * instead of escaping as a 500 with a stack trace.
 */
export function authorizeRequest(request: Request, options: GateOptions): Promise<Decision> {
  return decide(request, options).catch(() =>
    deny(
      503,
      "service_unavailable",
      "We can't check your access right now. Try again in a moment.",
      "dependency-failed",
    ),
  );
}

async function decide(request: Request, options: GateOptions): Promise<Decision> {
  const p = prepare(options);
  const headers = request.headers;
  // 1. Client-sent x-repo-* are never read here and are removed from `requestHeaders`.
  // 2. Tenant from the Host.
  const host = readRequestHost(headers, options.trustForwardedHost ?? false);
  const slug = host ? options.parseTenantSlug(host, options.rootDomain) : null;
  const found = slug ? options.resolveTenant(slug) : null;
  // Await only real promises: each needless await is a microtask on the hot path.
  const tenant = found instanceof Promise ? await found : found;
  // A status published on the change log (suspend/resume) is newer than any registry cache.
  const status = tenant ? (options.revocation?.tenantStatus?.(tenant.id) ?? tenant.status) : null;
  if (status === "suspended") {
    return deny(
      403,
      "tenant_suspended",
      `${tenant!.name} is suspended. Contact your administrator.`,
      "tenant-suspended",
    );
  }
  // Fail closed: any status other than "active" (provisioning, deleting, unknown) is refused.
  if (!tenant || status !== "active") {
    return deny(404, "tenant_not_found", "No organisation lives at this address. Check the URL.", "unknown-tenant");
  }
  const { pathname, search } = pathnameOf(request.url);
  // 3. Public route?
  if (matchesAnyPattern(p.publicPatterns, pathname)) {
    return new Allow(request, "public-route", tenant, null, buildForwardHeaders(tenant, null));
  }

  // 4-6. Verify each session cookie value (cache hit skips the signature check), token tenant
  // == host tenant, revocation. Several values = a tossed duplicate: the first value passing
  // every check is the session, and no cookie is cleared (the one we'd delete may be the real one).
  const tokens = readCookieValues(headers.get("cookie"), options.cookieName);
  if (tokens.length === 0) return unauthenticated(pathname, search, options, "no-token", false);
  const keys = typeof options.keys === "function" ? (p.keys ?? (await resolveKeys(options, p))) : options.keys;
  const nowMs = Date.now();
  const session = await verifySession(tokens, {
    keys,
    issuer: options.issuer,
    audience: tenant.id,
    tenantId: tenant.id,
    revocation: options.revocation,
    cache: p.cache,
    clockToleranceSeconds: options.clockToleranceSeconds,
    maxSessionAgeSeconds: options.maxSessionAgeSeconds,
    nowMs,
  });
  if (!session.ok && session.unavailable) {
    return deny(
      503,
      "service_unavailable",
      "We can't verify your session right now. Try again in a moment.",
      "revoked:unavailable",
    );
  }
  if (!session.ok) return unauthenticated(pathname, search, options, session.reason, tokens.length === 1);
  const { entry, check } = session;
  let claims = entry.claims;

  let setCookie: SessionCookie | undefined;
  let revocationError: AllowDecision["revocationError"];
  if (check) {
    revocationError = check.error;
    if (check.stale && options.refreshClaims) {
      const fresh = await options.refreshClaims(claims);
      const result = fresh
        ? await verifySessionToken(fresh, keys, {
            issuer: options.issuer,
            audience: tenant.id,
            clockToleranceSeconds: options.clockToleranceSeconds,
            maxSessionAgeSeconds: options.maxSessionAgeSeconds,
          })
        : null;
      if (!result?.ok || result.claims.sid !== claims.sid) {
        return unauthenticated(pathname, search, options, "claims-refresh-failed", tokens.length === 1);
      }
      claims = result.claims;
      setCookie = sessionCookie(options.cookieName, fresh!, Math.max(0, claims.exp - Math.floor(nowMs / 1000)));
    }
  }

  // 7. Route policy.
  const rule = matchRoute(options.policy, request.method, pathname);
  if (rule?.permission && !claims.permissions.includes(rule.permission)) {
    return deny(
      403,
      "forbidden",
      "You don't have permission to do that. Ask an owner or admin for access.",
      "missing-permission",
    );
  }
  // The forwarded context is computed once per cached token (unless claims were refreshed).
  const forward = setCookie
    ? buildForwardHeaders(tenant, claims)
    : (entry.forward ??= buildForwardHeaders(tenant, claims));
  const decision = new Allow(request, "authorized", tenant, claims, forward);
  if (setCookie) decision.setCookie = setCookie;
  if (revocationError) decision.revocationError = revocationError;
  return decision;
}
