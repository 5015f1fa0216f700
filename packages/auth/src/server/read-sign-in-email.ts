// The fields Auth.js will authenticate, read from a credentials POST body exactly as Auth.js
// reads them. Node (Next server). Must match Auth.js, or a decoy field takes the limiter's count.
import { readMediaType } from "../http/index";

export type SignInFields = { email: string; csrfToken: string };

/**
 * Reads `email` and `csrfToken` as Auth.js reads the body: JSON, or urlencoded via
 * `Object.fromEntries`, so the LAST duplicate field wins. Reading it any other way (e.g.
 * `formData().get`, the first duplicate) lets a decoy email take the limiter's count while the
 * password guess goes against the real account. The media type is parsed (only the two exact
 * types reach Auth.js, see read-auth-body.ts). Email trimmed, lower-cased, at most 254
 * characters; "" when absent or unreadable.
 */
export function readSignInFields(contentType: string | null, body: string): SignInFields {
  let parsed: unknown;
  try {
    const mediaType = readMediaType(contentType);
    if (mediaType === "application/json") parsed = JSON.parse(body);
    else if (mediaType === "application/x-www-form-urlencoded") parsed = Object.fromEntries(new URLSearchParams(body));
  } catch {
    return { email: "", csrfToken: "" };
  }
  const fields = (parsed ?? {}) as { email?: unknown; csrfToken?: unknown };
  return {
    email: typeof fields.email === "string" ? fields.email.trim().toLowerCase().slice(0, 254) : "",
    csrfToken: typeof fields.csrfToken === "string" ? fields.csrfToken : "",
  };
}
