// The reserved host that serves the one OAuth callback for every tenant (`auth.<ROOT_DOMAIN>`
// unless AUTH_REDIRECT_PROXY_URL names another). `auth` is a reserved slug, so no tenant can own it.
import { getEnv } from "@/env";
import { getSettings } from "@/server/web-root";

/** `<proto>://auth.<ROOT_DOMAIN>/api/auth`, or AUTH_REDIRECT_PROXY_URL. */
export function getRedirectProxyUrl(): string {
  const env = getEnv();
  if (env.AUTH_REDIRECT_PROXY_URL) return env.AUTH_REDIRECT_PROXY_URL.replace(/\/+$/, "");
  return `${getSettings().secureCookies ? "https" : "http"}://auth.${env.ROOT_DOMAIN}/api/auth`;
}

/** True when `host` (a validated Host header value) is the redirect proxy's host. */
export function isRedirectProxyHost(host: string | null): boolean {
  return host !== null && host.toLowerCase() === new URL(getRedirectProxyUrl()).host;
}
