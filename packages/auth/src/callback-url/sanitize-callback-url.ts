// THE post-sign-in destination sanitizer of both apps (web-standard: runs in pages, route
// handlers, Auth.js callbacks and the browser). It decides on the FINAL URL the browser will
// follow: the value is resolved against the app's own origin exactly as a browser resolves it
// (WHATWG URL: dot segments, `%2e%2e`, tab/CR/LF stripping, `\` as `/`), and only a result on
// that same origin survives. The returned path is re-checked, so a normalisation such as
// `/..//evil.example` → `//evil.example` (protocol-relative) can never be handed out.

/** Where a refused or missing destination goes. */
export const DEFAULT_CALLBACK_PATH = "/";
const MAX_LENGTH = 2048;
/** Enough rounds to unwrap double/triple encoding (`%252F%252F`) before judging. */
const MAX_DECODE_ROUNDS = 4;
/** Paths that must never be a destination: they would loop back to sign-in. */
export const SIGN_IN_LOOP_PREFIXES: readonly string[] = ["/signin", "/api/auth"];

export type SanitizeCallbackUrlOptions = {
  /** The app's own origin (`https://acme.example.com`). Any origin works for a relative-only check. */
  origin: string;
  /** Destinations (path prefixes, matched case-insensitively after decoding) that fall back. Default: sign-in pages. */
  refusedPrefixes?: readonly string[];
};

/**
 * True for characters a URL parser strips or reinterprets (C0/C1 controls, whitespace, line
 * separators) and for the backslash, which browsers read as `/` in http(s) URLs.
 */
function hasUnsafeCharacter(value: string, allowSpace = false): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (
      (code === 0x20 && !allowSpace) ||
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      char === "\\"
    )
      return true;
  }
  return false;
}

/** `value` fully percent-decoded, or null when an escape is malformed. */
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

/** A root-relative path that every URL parser keeps on the current origin. */
function isRootRelativePath(path: string, allowSpace = false): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !hasUnsafeCharacter(path, allowSpace);
}

/** Root-relative (`/x`) or absolute with a scheme (`https://…`); bare hosts and `?x`/`#x` are not destinations. */
function isRootRelativeOrAbsolute(value: string): boolean {
  if (value.startsWith("/")) return true;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Resolves `value` against `origin`; the same-origin path + query + fragment, or null. */
function resolveOnOrigin(value: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.username !== "" || url.password !== "") return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Returns the same-origin, root-relative destination (`/path?query#hash`) the browser will end
 * up on for `raw` (a `callbackUrl` value), or `"/"` when `raw` is missing, too long, carries a
 * control character or backslash (raw or percent-encoded), leaves `origin` once resolved or
 * normalised, or points at a refused prefix (sign-in itself by default). Absolute URLs on the
 * app's own origin are accepted and returned as their path.
 */
export function sanitizeCallbackUrl(raw: string | null | undefined, options: SanitizeCallbackUrlOptions): string {
  if (
    typeof raw !== "string" ||
    raw.length === 0 ||
    raw.length > MAX_LENGTH ||
    hasUnsafeCharacter(raw) ||
    !isRootRelativeOrAbsolute(raw)
  ) {
    return DEFAULT_CALLBACK_PATH;
  }
  let origin: string;
  try {
    origin = new URL(options.origin).origin;
  } catch {
    return DEFAULT_CALLBACK_PATH;
  }
  if (origin === "null") return DEFAULT_CALLBACK_PATH;

  const path = resolveOnOrigin(raw, origin);
  // Re-check the normalised result: it must be a plain root-relative path that resolves to
  // itself on the same origin (a second pass changes nothing), before and after decoding.
  if (path === null || !isRootRelativePath(path) || resolveOnOrigin(path, origin) !== path)
    return DEFAULT_CALLBACK_PATH;
  const decodedPath = decodeFully(path);
  if (decodedPath === null || !isRootRelativePath(decodedPath, true)) return DEFAULT_CALLBACK_PATH;
  const decodedResolved = resolveOnOrigin(decodedPath, origin);
  if (decodedResolved === null || !isRootRelativePath(decodedResolved, true)) return DEFAULT_CALLBACK_PATH;

  const pathname = path.split(/[?#]/, 1)[0]!.toLowerCase();
  const decodedPathname = decodedResolved.split(/[?#]/, 1)[0]!.toLowerCase();
  for (const prefix of options.refusedPrefixes ?? SIGN_IN_LOOP_PREFIXES) {
    for (const candidate of [pathname, decodedPathname]) {
      if (candidate === prefix || candidate.startsWith(`${prefix}/`)) return DEFAULT_CALLBACK_PATH;
    }
  }
  return path;
}

/**
 * Auth.js `redirect` callback built on the same sanitizer: any destination Auth.js is about to
 * send (sign-in, sign-out) stays on `baseUrl`'s origin. Sign-in pages are allowed here (sign-out
 * goes to `/signin`); the loop guard applies where a page hands out a post-sign-in destination.
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
  return `${origin}${sanitizeCallbackUrl(url, { origin, refusedPrefixes: [] })}`;
}
