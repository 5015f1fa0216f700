// Stable verification error codes. Callers branch on `code`, never on `message`. Edge-safe.

export const TOKEN_ERROR_CODES = [
  "ERR_TOKEN_MISSING",
  "ERR_TOKEN_MALFORMED",
  "ERR_TOKEN_TOO_LARGE",
  "ERR_TOKEN_JWE_NOT_ACCEPTED",
  "ERR_TOKEN_ALG_NOT_ALLOWED",
  "ERR_TOKEN_KID_UNKNOWN",
  "ERR_TOKEN_CRIT_UNSUPPORTED",
  "ERR_TOKEN_SIGNATURE_INVALID",
  "ERR_TOKEN_TYPE_INVALID",
  "ERR_TOKEN_EXPIRED",
  "ERR_TOKEN_NOT_YET_VALID",
  "ERR_TOKEN_ISSUER_INVALID",
  "ERR_TOKEN_AUDIENCE_INVALID",
  "ERR_TOKEN_CLAIM_MISSING",
  "ERR_TOKEN_CLAIM_INVALID",
  "ERR_TOKEN_SESSION_CAP_EXCEEDED",
] as const;

export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[number];

/** Thrown by key-set parsing and signing (configuration errors), never by verification. */
export class SigningKeyError extends Error {
  readonly code = "ERR_SIGNING_KEYS_INVALID";
  constructor(message: string) {
    super(message);
    this.name = "SigningKeyError";
  }
}
