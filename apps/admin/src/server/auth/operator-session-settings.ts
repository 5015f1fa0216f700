// Operator-session constants shared by the proxy and the API wrapper. Edge-safe.
// The admin cookie name (`repo-admin.session`) differs from the tenant app's, and operator
// tokens carry aud "admin" + tid "admin", so neither kind of token is accepted by the other app.
import { sessionCookieName } from "@repo/auth/config";

export const OPERATOR_AUDIENCE = "admin";
export const OPERATOR_TENANT_CLAIM = "admin";

/** Both variants: `__Host-` prefixed over HTTPS, plain over HTTP (local dev / E2E). */
export const OPERATOR_COOKIE_NAMES = [
  sessionCookieName("operator", true),
  sessionCookieName("operator", false),
] as const;

/**
 * The ONE name the console reads and writes: `__Host-` prefixed when cookies are secure. Over
 * HTTPS the plain name is ignored — a sibling subdomain can set that one, never a `__Host-` one.
 */
export function operatorCookieName(secureCookies: boolean): string {
  return sessionCookieName("operator", secureCookies);
}
