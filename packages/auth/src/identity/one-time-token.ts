// One-time tokens for invitation, password-reset and sign-in links. Node (Next server).
// 256 random bits, base64url in the link; only the SHA-256 is stored, so a leaked database row
// is not a usable link. SHA-256 (not argon2) is right here: the token is random, not guessable.
import { createHash, randomBytes } from "node:crypto";

/** A fresh token for a link and the hash to store. */
export function generateOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashOneTimeToken(token) };
}

/** The stored form of a token (hex SHA-256). */
export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True for strings shaped like our tokens (cheap reject before any database read). */
export function isOneTimeTokenShape(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}
