// Host -> tenant slug. Edge-safe. The Host header is the only source unless the deployment
// explicitly trusts X-Forwarded-Host (a proxy in front that overwrites it).

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The tenant slug of `host` under `rootDomain` (which may carry a port, e.g. "localhost:3000"),
 * or null. Strict: exactly one label before the root domain, same port, no trailing dot,
 * no userinfo. Case-insensitive (hosts are).
 */
export function tenantSlugFromHost(host: string | null | undefined, rootDomain: string): string | null {
  if (!host || host.length > 300) return null;
  const h = host.toLowerCase();
  const root = rootDomain.toLowerCase();
  if (h.length <= root.length + 1 || !h.endsWith(root)) return null;
  const dot = h.length - root.length - 1;
  if (h.charCodeAt(dot) !== 46 /* . */) return null;
  const slug = h.slice(0, dot);
  return SLUG.test(slug) ? slug : null;
}

/** The host a request was addressed to: `Host`, or the first X-Forwarded-Host when trusted. */
export function readRequestHost(headers: Headers, trustForwardedHost: boolean): string | null {
  if (trustForwardedHost) {
    const forwarded = headers.get("x-forwarded-host");
    if (forwarded) return forwarded.split(",")[0]!.trim();
  }
  return headers.get("host");
}

/** Path (no query) of a request URL string, without allocating a URL object. */
export function pathnameOf(url: string): { pathname: string; search: string } {
  const scheme = url.indexOf("://");
  const start = scheme === -1 ? 0 : url.indexOf("/", scheme + 3);
  if (start === -1) return { pathname: "/", search: "" };
  let end = url.length;
  const hash = url.indexOf("#", start);
  if (hash !== -1) end = hash;
  const q = url.indexOf("?", start);
  if (q !== -1 && q < end) return { pathname: url.slice(start, q), search: url.slice(q, end) };
  return { pathname: url.slice(start, end), search: "" };
}
