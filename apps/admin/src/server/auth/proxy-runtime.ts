// The admin proxy's port to the Node side (web-standard; types only from the packages). The
// proxy's options (keys, issuer, session lifetimes, cookie name, the revocation store, the
// console's origin) need env and the signing-key loader, which are Node-only: the composition
// root (register-proxy-runtime.ts) builds them once and registers them here at server start
// (instrumentation.ts); the proxy answers 503 while nothing is registered (fail closed).
// test/proxy-import-graph.test.ts checks the proxy's imports transitively.
import { proxyPort } from "@repo/auth/gate";
import type { SecurityHeaderOptions } from "@repo/auth/http";
import type { Logger } from "@repo/observability";
import type { PageAvailability } from "../tenants/check-tenant-page-availability";
import type { AdminProxyOptions } from "./get-proxy-options";

export type AdminProxyRuntime = {
  options: AdminProxyOptions;
  /** Can a tenant's console page be served now (its database and the control plane answer)? */
  checkTenantPageAvailability: (pathname: string) => Promise<PageAvailability>;
  securityHeaders: SecurityHeaderOptions;
  logger: Logger;
};

export const adminProxyRuntimePort = proxyPort<AdminProxyRuntime>("@repo/admin/proxy-runtime");
