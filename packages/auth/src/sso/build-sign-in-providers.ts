// The OAuth/OIDC providers offered on a tenant host, built per request (Auth.js lazy init) from
// the tenant's connection and the platform's social credentials. Every one sends the IdP to the
// ONE registered callback on the reserved auth host (`redirectProxyUrl`); discovery, PKCE,
// state, nonce and ID-token validation are Auth.js's (oauth4webapi), not ours.
import type { OAuthConfig, OIDCConfig } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { ExternalIdentity } from "./decide-sso-account";
import type { SsoConnection } from "./sso-connection-schema";

/** The provider id of a tenant's enterprise connection (one per tenant). */
export const TENANT_SSO_PROVIDER_ID = "sso";

export type SocialCredentials = {
  google?: { clientId: string; clientSecret: string } | undefined;
  github?: { clientId: string; clientSecret: string } | undefined;
};

type AnyProvider = OAuthConfig<Record<string, unknown>> | OIDCConfig<Record<string, unknown>>;

/** The tenant's OIDC connection as an Auth.js provider (discovery from `issuer`). */
export function buildTenantSsoProvider(connection: SsoConnection, redirectProxyUrl: string, name = "SSO"): AnyProvider {
  return {
    id: TENANT_SSO_PROVIDER_ID,
    name,
    type: "oidc",
    issuer: connection.issuer,
    clientId: connection.clientId,
    clientSecret: connection.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    redirectProxyUrl,
  };
}

/** Google / GitHub when their `AUTH_<PROVIDER>_ID/SECRET` pair is configured (in that order). */
export function buildSocialProviders(credentials: SocialCredentials, redirectProxyUrl: string): AnyProvider[] {
  const providers: AnyProvider[] = [];
  if (credentials.google) {
    providers.push(
      Google({ ...credentials.google, redirectProxyUrl, checks: ["pkce", "state", "nonce"] }) as unknown as AnyProvider,
    );
  }
  if (credentials.github) {
    const base = GitHub({ ...credentials.github, redirectProxyUrl }) as unknown as OAuthConfig<Record<string, unknown>>;
    providers.push({ ...base, userinfo: { url: "https://api.github.com/user", request: readGitHubProfile } });
  }
  return providers;
}

/**
 * GitHub's profile may show a public email nobody verified: take the primary address from
 * `/user/emails` and report whether GitHub verified it (the account policy refuses it if not).
 */
async function readGitHubProfile({ tokens }: { tokens: { access_token?: string } }): Promise<Record<string, unknown>> {
  const headers = {
    authorization: `Bearer ${tokens.access_token ?? ""}`,
    "user-agent": "repo-auth",
    accept: "application/vnd.github+json",
  };
  const signal = AbortSignal.timeout(5_000);
  const [profile, emails] = await Promise.all([
    fetch("https://api.github.com/user", { headers, signal }).then((r) => r.json() as Promise<Record<string, unknown>>),
    fetch("https://api.github.com/user/emails", { headers, signal }).then(
      (r) => (r.ok ? r.json() : []) as Promise<Array<{ email: string; primary: boolean; verified: boolean }>>,
    ),
  ]);
  const primary = emails.find((e) => e.primary);
  return { ...profile, email: primary?.email ?? null, email_verified: primary?.verified === true };
}

/** The identity an IdP asserted, from Auth.js's `profile` (ID-token claims or userinfo). */
export function toExternalIdentity(
  providerId: string,
  issuer: string | undefined,
  profile: Record<string, unknown>,
): ExternalIdentity | null {
  const subject = providerId === "github" ? profile.id : profile.sub;
  if ((typeof subject !== "string" && typeof subject !== "number") || String(subject).length === 0) return null;
  return {
    provider: providerId === TENANT_SSO_PROVIDER_ID ? `oidc:${issuer ?? ""}` : providerId,
    subject: String(subject),
    email: typeof profile.email === "string" ? profile.email.trim().toLowerCase() : null,
    emailVerified: profile.email_verified === true,
  };
}
