// @repo/auth/sso — Node only: sign-in with an identity provider. Per-tenant OIDC connections
// (schema, sealed client secrets), the providers offered on a tenant host, the account-linking
// policy, SSO enforcement for password sign-in, and the one-callback redirect proxy.
export {
  emailDomain,
  ssoConnectionInputSchema,
  type SsoConnection,
  type SsoConnectionInput,
  type SsoConnectionView,
} from "./sso-connection-schema";
export { SsoSecretError, importSsoSecretKey, openClientSecret, sealClientSecret } from "./seal-client-secret";
export {
  decideSsoAccount,
  isEmailUnderEnforcedSso,
  type AccountCandidate,
  type ExternalIdentity,
  type SsoAccountDecision,
  type SsoRefusalCode,
} from "./decide-sso-account";
export {
  TENANT_SSO_PROVIDER_ID,
  buildSocialProviders,
  buildTenantSsoProvider,
  toExternalIdentity,
  type SocialCredentials,
} from "./build-sign-in-providers";
export { createRedirectProxy, type RedirectProxyOptions } from "./create-redirect-proxy";
export { getSocialCredentials, getSsoSecretKey } from "./sso-settings";
