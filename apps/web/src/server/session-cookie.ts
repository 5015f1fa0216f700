// The tenant session cookie's name (host-only; `__Host-` prefixed when served over HTTPS).
export function getSessionCookieName(): string {
  return "repo.session";
}
