// Stable verification error codes. Callers branch on `code`, never on `message`. Edge-safe.

export const TOKEN_ERROR_CODES = [
  "token_missing",
  "token_malformed",
  "token_too_large",
  "token_jwe_not_accepted",
  "token_alg_not_allowed",
  "token_kid_unknown",
  "token_crit_unsupported",
  "token_signature_invalid",
  "token_type_invalid",
  "token_expired",
  "token_not_yet_valid",
  "token_issuer_invalid",
  "token_audience_invalid",
  "token_claim_missing",
  "token_claim_invalid",
  "token_session_cap_exceeded",
] as const;

export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[number];

/** Thrown by key-set parsing and signing (configuration errors), never by verification. */
export class SigningKeyError extends Error {
  readonly code = "signing_keys_invalid";
  constructor(message: string) {
    super(message);
    this.name = "SigningKeyError";
  }
}
