// The admin console answers exactly one host: ADMIN_ORIGIN's (web-standard; runs in the proxy).
// Any other Host (or X-Forwarded-Host when trusted) is refused before anything else runs, so
// links, redirects and Auth.js URLs can never be built for an attacker-chosen host.

/** True when `host` (a Host header value) is the host of `adminOrigin`, compared as URL.host. */
export function isAllowedHost(host: string | null, adminOrigin: string): boolean {
  if (!host || host.length > 300 || /[\s/\\@?#]/.test(host)) return false;
  try {
    const allowed = new URL(adminOrigin);
    const candidate = new URL(`${allowed.protocol}//${host}`);
    return (
      candidate.host === allowed.host &&
      candidate.pathname === "/" &&
      candidate.username === "" &&
      candidate.password === ""
    );
  } catch {
    return false;
  }
}
