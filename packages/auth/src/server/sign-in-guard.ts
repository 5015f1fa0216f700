// What the sign-in wrapper checks before it counts an attempt (web-standard crypto): Auth.js's
// double-submit CSRF token, and the OWASP device cookie that gives a browser which signed in to
// an account before its own attempt budget. A request without a valid CSRF token is refused
// before the limiter sees it, so a blind cross-site or scripted flood counts against nobody.
import { readCookieValues } from "../gate/index";

export type SignInGuard = {
  /** Auth.js's secret (CSRF hashing); device cookies are signed with a key derived from it. */
  secret: string;
  csrfCookieName: string;
  deviceCookieName: string;
  secure: boolean;
};

/** Device cookies live long: a real user's browser keeps its budget for half a year. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replaceAll("=", "");
}

async function sha256Hex(message: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(message)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function hmac(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(`repo-auth:device-cookie:${secret}`),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return toBase64Url(new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message))));
}

/** Constant-time string comparison (both are short base64url/hex strings). */
function isEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * True when `submitted` is the token of Auth.js's signed CSRF cookie (`token|sha256(token+secret)`).
 * Every value of the cookie is tried: a duplicate tossed from a sibling subdomain can't shadow it.
 */
export async function isCsrfTokenValid(request: Request, submitted: string, guard: SignInGuard): Promise<boolean> {
  if (!submitted) return false;
  for (const raw of readCookieValues(request.headers.get("cookie"), guard.csrfCookieName)) {
    if (await isCsrfCookieFor(raw, submitted, guard)) return true;
  }
  return false;
}

async function isCsrfCookieFor(raw: string, submitted: string, guard: SignInGuard): Promise<boolean> {
  let cookie: string;
  try {
    cookie = decodeURIComponent(raw); // Auth.js writes `token|hash` URL-encoded (`%7C`)
  } catch {
    return false;
  }
  const [token, hash] = cookie.split("|");
  if (!token || !hash || !isEqual(token, submitted)) return false;
  return isEqual(hash, await sha256Hex(`${token}${guard.secret}`));
}

/** Device cookie value: `<id>.<issued s>.<sha256(scope:email) prefix>.<hmac>`. */
async function deviceCookieValue(
  id: string,
  issuedAt: number,
  scope: string,
  email: string,
  guard: SignInGuard,
): Promise<string> {
  const subject = (await sha256Hex(`${scope}:${email}`)).slice(0, 32);
  const payload = `${id}.${issuedAt}.${subject}`;
  return `${payload}.${await hmac(guard.secret, payload)}`;
}

/** The device id of a valid device cookie for (scope, email) (any of its values), or null. */
export async function readTrustedDeviceId(
  request: Request,
  scope: string,
  email: string,
  guard: SignInGuard,
): Promise<string | null> {
  for (const value of readCookieValues(request.headers.get("cookie"), guard.deviceCookieName)) {
    const id = await verifyDeviceCookie(value, scope, email, guard);
    if (id) return id;
  }
  return null;
}

async function verifyDeviceCookie(
  value: string,
  scope: string,
  email: string,
  guard: SignInGuard,
): Promise<string | null> {
  const parts = value.split(".");
  if (parts.length !== 4 || !email) return null;
  const [id, issued, , signature] = parts as [string, string, string, string];
  const issuedAt = Number(issued);
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id) || !Number.isSafeInteger(issuedAt)) return null;
  if (Date.now() / 1000 - issuedAt > DEVICE_COOKIE_MAX_AGE_SECONDS) return null;
  const expected = await deviceCookieValue(id, issuedAt, scope, email, guard);
  return isEqual(expected.slice(expected.lastIndexOf(".") + 1), signature) && expected === value ? id : null;
}

/** A `Set-Cookie` header for a new device cookie bound to (scope, email). */
export async function issueDeviceCookie(scope: string, email: string, guard: SignInGuard): Promise<string> {
  const id = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  const value = await deviceCookieValue(id, Math.floor(Date.now() / 1000), scope, email, guard);
  return `${guard.deviceCookieName}=${value}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict${guard.secure ? "; Secure" : ""}`;
}
