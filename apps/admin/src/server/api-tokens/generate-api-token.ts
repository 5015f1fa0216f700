// Operator API tokens: `opk_` + 32 random bytes (base64url). The plaintext is returned to the
// operator once; only its SHA-256 hash and a short display prefix are stored.
import { randomBytes } from "node:crypto";
import { hashApiToken } from "./hash-api-token";

export const API_TOKEN_PREFIX = "opk_";

export function generateApiToken(): { token: string; tokenHash: string; displayPrefix: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashApiToken(token), displayPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}
