// The proxy's port to the Node side. Web-standard (imported by proxy.ts; types only from the
// packages). The proxy needs capabilities that reach a database or Auth.js — tenant lookup by
// slug, the claims refresh that re-reads roles, tenant DB health for pages, the session
// last-use touch — but must not import them (its import graph holds no DB driver, no next-auth,
// no `node:` module; test/proxy-import-graph.test.ts checks that transitively). So the app's
// composition root (server/register-proxy-runtime.ts, Node) builds them once and registers them
// here at server start (instrumentation.ts); the proxy reads them per request and answers 503
// while nothing is registered (fail closed).
import { proxyPort, type GateOptions } from "@repo/auth/gate";
import type { SecurityHeaderOptions } from "@repo/auth/http";
import type { Logger } from "@repo/observability";

export type ProxyRuntime = {
  /** The gate's options: keys, issuer, root domain + parser, tenant lookup, revocation, policy, claims refresh. */
  gate: GateOptions;
  securityHeaders: SecurityHeaderOptions;
  logger: Logger;
  /** The reserved host of the OAuth redirect proxy (`auth.<ROOT_DOMAIN>` unless configured). */
  redirectProxyHost: string;
  /** Drops this process's cached registry entry for `slug` (after a tenant-wide revocation). */
  invalidateTenant: (slug: string) => void;
  /** Is the tenant's database answering (cached for a second or two)? Pages check it before streaming. */
  isTenantDatabaseAvailable: (tenantId: string) => Promise<boolean>;
  /** Records the session's last use (throttled, fire and forget). */
  touchSessionLastUse: (claims: { tid: string; sid: string }) => void;
};

/** Registered by server/register-proxy-runtime.ts at server start; read by proxy.ts. */
export const proxyRuntimePort = proxyPort<ProxyRuntime>("@repo/web/proxy-runtime");
