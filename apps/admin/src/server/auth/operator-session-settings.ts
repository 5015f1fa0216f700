// Operator-session constants shared by the Auth.js instance, the proxy and the API wrapper.
// Edge-safe (no imports). The admin cookie name differs from the tenant app's, and operator
// tokens carry aud "admin" + tid "admin", so neither kind of token is accepted by the other app.
export const OPERATOR_AUDIENCE = "admin";
export const OPERATOR_TENANT_CLAIM = "admin";

/** Cookie name: `__Host-` prefixed when served over HTTPS (host-only, Secure, Path=/). */
export function operatorCookieName(isHttps: boolean): string {
  return isHttps ? "__Host-repo-admin.session" : "repo-admin.session";
}
