export {
  DEV_IDP_CLIENT_ID,
  DEV_IDP_CLIENT_SECRET,
  DEV_IDP_ISSUER,
  DEV_IDP_PASSWORD,
  DEV_IDP_PORT,
  DEV_IDP_USERS,
  devPlatformClient,
  type DevClient,
  type DevUser,
} from "./dev-identities";
export { ensureOidcDevProvider } from "./ensure-oidc-dev-provider";
export {
  startOidcDevProvider,
  type OidcDevProviderOptions,
  type RunningOidcDevProvider,
} from "./start-oidc-dev-provider";
