// The identity providers a tenant host offers (for the sign-in page and Auth.js): the tenant's
// own OIDC connection first, then the platform's social providers.
import type { AuthTenant, TenantSsoHooks } from "@repo/auth/server";
import { buildSocialProviders, buildTenantSsoProvider, getSocialCredentials } from "@repo/auth/sso";
import { loadSsoConnection, loadSsoConnectionRow } from "./load-sso-connection";
import { getRedirectProxyUrl } from "./redirect-proxy-host";

type Provider = Awaited<ReturnType<TenantSsoHooks["providers"]>>[number];

export async function buildSignInProviders(tenant: AuthTenant): Promise<Provider[]> {
  const redirectProxyUrl = getRedirectProxyUrl();
  const connection = await loadSsoConnection(tenant.id);
  return [
    ...(connection ? [buildTenantSsoProvider(connection, redirectProxyUrl, `${tenant.name} SSO`)] : []),
    ...buildSocialProviders(getSocialCredentials(), redirectProxyUrl),
  ];
}

/**
 * Buttons for the sign-in page: id + label, no secrets touched. Labels avoid the words
 * "Sign in" so the password form's button stays the only one with that name.
 */
export async function listSignInButtons(tenantId: string): Promise<{ id: string; label: string }[]> {
  const social = getSocialCredentials();
  const row = await loadSsoConnectionRow(tenantId).catch(() => null);
  return [
    ...(row ? [{ id: "sso", label: "Continue with SSO" }] : []),
    ...(social.google ? [{ id: "google", label: "Continue with Google" }] : []),
    ...(social.github ? [{ id: "github", label: "Continue with GitHub" }] : []),
  ];
}

/** Provider ids the redirect proxy accepts callbacks for. */
export function listCallbackProviderIds(): string[] {
  const social = getSocialCredentials();
  return ["sso", ...(social.google ? ["google"] : []), ...(social.github ? ["github"] : [])];
}
