// Cross-origin detection for cookie-authenticated writes (web-standard; runs in route handlers).
// SameSite=Lax does not separate sibling subdomains of one site, so a write is accepted only when
// its Origin names this host — the host read as everywhere else (X-Forwarded-Host only when
// TRUST_FORWARDED_HOST): behind a proxy that rewrites Host, the forwarded host is the public one.
// Without an Origin header the Fetch Metadata header decides.
import { readRequestHost } from "@repo/auth/gate";

/** True when `request` did not come from a page of this host (a cookie-borne write must be refused). */
export function isCrossOriginRequest(request: Request, trustForwardedHost: boolean): boolean {
  const origin = request.headers.get("origin");
  const host = readRequestHost(request.headers, trustForwardedHost);
  if (origin) {
    const expected = host ? normaliseHost(origin, host) : null;
    return expected === null || originHost(origin) !== expected;
  }
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

/** `host` as URL.host would print it under the origin's scheme (lower case, default port dropped). */
function normaliseHost(origin: string, host: string): string | null {
  try {
    return new URL(`${new URL(origin).protocol}//${host}`).host;
  } catch {
    return null;
  }
}
