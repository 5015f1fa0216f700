// Per-request helpers shared by the Auth.js instances. Node (Next server).
import { createHash } from "node:crypto";
import { readRequestHost } from "../gate/index";

/** Default client IP: the hop appended by the nearest proxy (last X-Forwarded-For entry). */
export function defaultClientIp(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",").at(-1)!.trim() || null;
  return request.headers.get("x-real-ip");
}

/** Auth.js needs a secret for CSRF hashing even with our own JWS: derive one from the keys. */
export function deriveAuthSecret(signingKeysJson: string): string {
  return createHash("sha256").update("repo-auth:csrf-secret:").update(signingKeysJson).digest("base64url");
}

/** Rebuilds a URL on the validated public host (Auth.js builds redirects from `req.url`). */
export function rebuildUrl(requestUrl: string, host: string, secure: boolean): string {
  const url = new URL(requestUrl);
  return `${secure ? "https:" : url.protocol}//${host}${url.pathname}${url.search}`;
}

export { readRequestHost };

/** Random session id (128 bits, base64url). */
export function randomSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replaceAll("=", "");
}
