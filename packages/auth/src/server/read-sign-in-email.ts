// The email Auth.js will authenticate, read from a credentials POST without consuming its body.
// Node (Next server). Must match Auth.js exactly, or a decoy field takes the limiter's count.

/**
 * Reads `email` as Auth.js reads the body: JSON first, then urlencoded via `Object.fromEntries`,
 * so the LAST duplicate field wins. Reading it any other way (e.g. `formData().get`, the first
 * duplicate) lets a decoy email take the limiter's count while the password guess goes against
 * the real account. Trimmed, lower-cased, at most 254 characters; "" when absent or unreadable.
 */
export async function readSignInEmail(request: Request): Promise<string> {
  const contentType = request.headers.get("content-type") ?? "";
  let body: unknown;
  try {
    if (contentType.includes("application/json")) body = await request.clone().json();
    else if (contentType.includes("application/x-www-form-urlencoded")) {
      body = Object.fromEntries(new URLSearchParams(await request.clone().text()));
    }
  } catch {
    return "";
  }
  const email = (body as { email?: unknown } | null | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : "";
}
