// The redirect proxy instance of this app (served on the reserved auth host by the Auth.js
// route): it forwards IdP callbacks only to hosts of known, active tenants.
import { createRedirectProxy } from "@repo/auth/sso";
import { tenantAuth } from "../tenant-auth";
import { resolveTenantFromHost } from "../tenant-auth-deps";
import { listCallbackProviderIds } from "./list-sign-in-providers";
import { getRedirectProxyUrl } from "./redirect-proxy-host";

let proxy: ReturnType<typeof createRedirectProxy> | undefined;

export function getRedirectProxy() {
  proxy ??= createRedirectProxy({
    secret: tenantAuth.getAuthJsSecret,
    proxyOrigin: new URL(getRedirectProxyUrl()).origin,
    providerIds: listCallbackProviderIds,
    isActiveTenantHost: async (host) => (await resolveTenantFromHost(host))?.status === "active",
  });
  return proxy;
}
