// Node side of the admin proxy: builds its options once (env, signing keys, the revocation
// store) and registers them in the proxy's web-standard port. Called by instrumentation.ts at
// server start; tests call it after setting up their environment.
import { getLogger } from "../logger";
import { checkTenantPageAvailability } from "../tenants/check-tenant-page-availability";
import { getProxyOptions, getSecurityHeaderSettings } from "./get-proxy-options";
import { adminProxyRuntimePort } from "./proxy-runtime";

export async function registerAdminProxyRuntime(): Promise<void> {
  adminProxyRuntimePort.register({
    options: await getProxyOptions(),
    checkTenantPageAvailability,
    securityHeaders: getSecurityHeaderSettings(),
    logger: getLogger(),
  });
}
