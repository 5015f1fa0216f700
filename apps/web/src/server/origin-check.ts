// Cross-subdomain CSRF defence (web-standard: runs in the proxy and in route handlers).
// SameSite=Lax does not separate sibling subdomains (`evil.example.com` is "same-site" with
// `acme.example.com`), so every state-changing request must carry an `Origin` whose host is
// exactly the tenant host it is sent to. Server Actions are POSTs and are covered too.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when `method` cannot change state and therefore needs no Origin check. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * True when a state-changing request may proceed: its `Origin` header parses as an
 * http(s) origin whose host equals `host` (the validated `Host` header, port included).
 * A missing or `null` Origin is refused: every browser sends one on cross-origin and
 * same-origin POST/PUT/PATCH/DELETE, so only non-browser clients omit it, and those can
 * add it.
 */
export function isSameOriginRequest(input: { method: string; origin: string | null; host: string | null }): boolean {
  if (isSafeMethod(input.method)) return true;
  if (!input.origin || input.origin === "null" || !input.host) return false;
  let origin: URL;
  try {
    origin = new URL(input.origin);
  } catch {
    return false;
  }
  if (origin.protocol !== "http:" && origin.protocol !== "https:") return false;
  // `URL.host` lower-cases and drops default ports, so normalise the Host header the same way.
  let host: string;
  try {
    host = new URL(`${origin.protocol}//${input.host}`).host;
  } catch {
    return false;
  }
  return origin.host === host && origin.origin === input.origin.toLowerCase().replace(/\/$/, "");
}
