// Cross-origin detection for cookie-authenticated writes (web-standard; runs in route handlers).
// SameSite=Lax does not separate sibling subdomains of one site, so a write is accepted only when
// its Origin names this host; without an Origin header the Fetch Metadata header decides.

/** True when `request` did not come from a page of this host (a cookie-borne write must be refused). */
export function isCrossOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (origin) return !host || originHost(origin) !== host;
  const fetchSite = request.headers.get("sec-fetch-site");
  return fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none";
}

/** Host of an Origin header; `null` for opaque ("null") or malformed origins, which never match. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
