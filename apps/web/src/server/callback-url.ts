// Sanitizes the post-sign-in destination (runs anywhere: pure string/URL logic).
// Guarantee: the result is always a same-origin, root-relative path ("/…") that is not
// the sign-in page itself, so an attacker cannot bounce a user off-site after sign-in
// (open redirect) and a user can never be sent round the sign-in loop.

const DEFAULT_DESTINATION = "/";
const MAX_LENGTH = 2048;
/** Enough rounds to unwrap double/triple encoding (`%252F%252F`) before judging. */
const MAX_DECODE_ROUNDS = 4;
/** Any origin works: it only serves to prove the path cannot escape it. */
const PROBE_ORIGIN = "http://callback.invalid";

/** Paths that must never be a destination: they would loop back to sign-in. */
const LOOP_PREFIXES = ["/signin", "/api/auth"] as const;

/** Returns `value` fully percent-decoded, or null when it is malformed. */
function decodeFully(value: string): string | null {
  let current = value;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

function isUnsafeForm(value: string): boolean {
  // Control characters and whitespace are stripped or reinterpreted by URL parsers
  // (`/\t/evil.com` becomes `//evil.com`), so any of them rejects the value outright.
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return true;
  }
  // Backslashes are treated as slashes by browsers (`/\evil.com` is protocol-relative).
  if (value.includes("\\")) return true;
  if (!value.startsWith("/")) return true; // absolute URLs, `javascript:`, bare hosts
  if (value.startsWith("//")) return true; // protocol-relative: `//evil.com`
  return false;
}

/**
 * Returns a safe root-relative destination for `raw` (a `callbackUrl` query value), or
 * `"/"` when `raw` is missing, absolute, cross-host, protocol-relative, encoded to hide
 * any of those, or points back at sign-in.
 */
export function sanitizeCallbackUrl(raw: string | null | undefined): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) {
    return DEFAULT_DESTINATION;
  }
  const decoded = decodeFully(raw);
  if (decoded === null || isUnsafeForm(raw) || isUnsafeForm(decoded)) return DEFAULT_DESTINATION;

  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return DEFAULT_DESTINATION;
  }
  if (url.origin !== PROBE_ORIGIN) return DEFAULT_DESTINATION;

  const path = url.pathname.toLowerCase();
  const decodedPath = (decodeFully(url.pathname) ?? "").toLowerCase();
  for (const prefix of LOOP_PREFIXES) {
    for (const candidate of [path, decodedPath]) {
      if (candidate === prefix || candidate.startsWith(`${prefix}/`)) return DEFAULT_DESTINATION;
    }
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
