// @repo/auth/token — key sets, signing, THE verification function, JWKS. Edge-safe.
export {
  DEFAULT_MAX_SESSION_AGE_SECONDS,
  MAX_CLOCK_TOLERANCE_SECONDS,
  REQUIRED_CLAIMS,
  SESSION_TOKEN_TYPE,
  type SessionClaims,
  type SessionTokenInput,
} from "./claims";
export { SigningKeyError, TOKEN_ERROR_CODES, type TokenErrorCode } from "./errors";
export {
  KEY_STATUSES,
  SIGNING_ALGORITHMS,
  createKeySetCache,
  importKeySet,
  orderNewestFirst,
  parseSigningJwks,
  type KeySet,
  type KeyStatus,
  type PrivateSigningJwk,
  type SigningAlgorithm,
  type VerificationKey,
} from "./key-set";
export { generateSigningJwk } from "./generate";
export { JWKS_MAX_AGE_SECONDS, buildJwks, createJwksResponse, type JwksDocument } from "./jwks";
export {
  KeyRotationError,
  describeKeys,
  promoteKey,
  publishKey,
  retireKey,
  type KeyRotationErrorCode,
  type KeyState,
} from "./key-rotation";
export { signSessionToken, type SignOptions } from "./sign";
export { verifySessionToken, type VerifyOptions, type VerifyResult } from "./verify";
