// Security headers for every response of both apps, pages and APIs alike (web-standard; the
// proxies call `withSecurityHeaders`). Pages get a strict CSP with a per-request nonce: Next
// reads the nonce from the request's `content-security-policy` header and stamps it on its own
// scripts, so no inline script runs without it ('strict-dynamic': scripts those load may run).

export type SecurityHeaderOptions = {
  /** Production build: strict script policy (development needs 'unsafe-eval' for React's tooling). */
  isProduction: boolean;
  /** Served over HTTPS: adds HSTS and `upgrade-insecure-requests`. */
  isHttps: boolean;
};

const NONCE_BYTES = 16;
/**
 * Random bytes are drawn from the CSPRNG in blocks of 256 nonces: one `getRandomValues` call
 * costs ~5 µs (measured), more than everything else a nonce needs. Each nonce takes bytes no
 * other nonce has had.
 */
const NONCE_POOL_BYTES = NONCE_BYTES * 256;
let noncePool = new Uint8Array(0);
let noncePoolOffset = 0;

/** 128 random bits, base64: unguessable and fresh for every request. */
export function createNonce(): string {
  if (noncePoolOffset + NONCE_BYTES > noncePool.length) {
    noncePool = crypto.getRandomValues(new Uint8Array(NONCE_POOL_BYTES));
    noncePoolOffset = 0;
  }
  const bytes = noncePool.subarray(noncePoolOffset, noncePoolOffset + NONCE_BYTES);
  noncePoolOffset += NONCE_BYTES;
  return btoa(String.fromCharCode(...bytes));
}

/** The page CSP for `nonce`. Styles allow inline attributes (React `style=`); scripts never do. */
export function buildContentSecurityPolicy(nonce: string, options: SecurityHeaderOptions): string {
  const scriptSrc = [
    "'self'",
    `'nonce-${nonce}'`,
    "'strict-dynamic'",
    ...(options.isProduction ? [] : ["'unsafe-eval'"]),
  ];
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers every response carries (the CSP is added separately: it depends on the nonce). */
export function staticSecurityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    ...(options.isHttps && options.isProduction
      ? { "strict-transport-security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}

/** Returns `response` with the security headers set (copied into a new Response when its headers are immutable). */
export function applySecurityHeaders(response: Response, csp: string, options: SecurityHeaderOptions): Response {
  const headers = { ...staticSecurityHeaders(options), "content-security-policy": csp };
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
