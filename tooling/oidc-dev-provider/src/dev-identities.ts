// Who can sign in at the dev IdP and which client may ask. Dev/test data only: the seed points
// acme's SSO connection at this client, and the E2E specs sign in as these users.

export type DevUser = {
  /** Stable subject (`sub`) the IdP issues for this user. */
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  password: string;
};

export type DevClient = { clientId: string; clientSecret: string; redirectUris: string[] };

export const DEV_IDP_PORT = 3005;
export const DEV_IDP_ISSUER = `http://localhost:${DEV_IDP_PORT}`;
export const DEV_IDP_PASSWORD = "demo-password-1";

export const DEV_IDP_USERS: readonly DevUser[] = [
  {
    sub: "sso-alice",
    email: "sso-alice@acme.test",
    emailVerified: true,
    name: "Alice (SSO)",
    password: DEV_IDP_PASSWORD,
  },
  { sub: "sso-bob", email: "sso-bob@acme.test", emailVerified: true, name: "Bob (SSO)", password: DEV_IDP_PASSWORD },
  // The IdP does not vouch for this address: the platform must refuse it (no JIT, no linking).
  {
    sub: "sso-unverified",
    email: "sso-unverified@acme.test",
    emailVerified: false,
    name: "Unverified (SSO)",
    password: DEV_IDP_PASSWORD,
  },
];

export const DEV_IDP_CLIENT_ID = "platform-dev";
export const DEV_IDP_CLIENT_SECRET = "platform-dev-client-secret";

/** The platform's client: one redirect URI, the reserved auth host's callback for provider `sso`. */
export function devPlatformClient(rootDomain: string, protocol: "http" | "https" = "http"): DevClient {
  return {
    clientId: DEV_IDP_CLIENT_ID,
    clientSecret: DEV_IDP_CLIENT_SECRET,
    redirectUris: [`${protocol}://auth.${rootDomain}/api/auth/callback/sso`],
  };
}
