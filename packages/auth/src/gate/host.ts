// The request's host and path. Edge-safe. The Host header is the only source unless the
// deployment explicitly trusts X-Forwarded-Host (a proxy in front that overwrites it). Host ->
// tenant slug is `parseTenantSlug` in @repo/tenancy/host, passed to the gate as an option.

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
