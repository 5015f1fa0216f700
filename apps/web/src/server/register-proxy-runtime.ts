// Node side of the proxy: builds the capabilities the gate and the proxy need from the app's
// composition root (web-root.ts: settings read once, one key set, one revocation store, one
// tenancy instance) and registers them in the proxy's web-standard port (proxy-runtime.ts).
// Called once at server start by instrumentation.ts; tests call it after setting up their platform.
import { getGateOptions, getSecurityHeaderSettings } from "./gate-options";
import { touchSessionLastUse } from "./identity/touch-session-last-use";
import { getLogger } from "./logger";
import { proxyRuntimePort } from "./proxy-runtime";
import { getRedirectProxyUrl } from "./sso/redirect-proxy-host";
import { getTenancy } from "@/server/web-root";

export function registerWebProxyRuntime(): void {
  proxyRuntimePort.register({
    gate: getGateOptions(),
    securityHeaders: getSecurityHeaderSettings(),
    logger: getLogger(),
    redirectProxyHost: new URL(getRedirectProxyUrl()).host,
    invalidateTenant: (slug) => getTenancy().invalidateTenant({ slug }),
    isTenantDatabaseAvailable: (tenantId) => getTenancy().isTenantDatabaseAvailable(tenantId),
    touchSessionLastUse,
  });
}
