// Why plain SHA-256 (not argon2/bcrypt): slow hashes exist to protect LOW-entropy secrets
// (passwords) from offline guessing. These tokens carry 256 random bits, so guessing a token
// from its hash is infeasible at any hash speed; a fast, deterministic hash also lets us look
// the token up by an indexed equality on `token_hash` instead of scanning and verifying each row.
import { createHash } from "node:crypto";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
