// THE session-token verification function. Every consumer (gate, Auth.js decode,
// requireSession, other services) goes through it. Edge-safe. Never throws: it returns a typed
// result whose `code` is stable. Rules: alg allow-list bound to the key's own alg, `kid` must be
// ours (no jku/x5u/jwk header is ever used), `typ`, `iss`, `aud`, required claims, clock
// tolerance <= 15 s, `iat`/`nbf` not in the future, and an absolute cap from `auth_time`.
import { jwtVerify, type JWTHeaderParameters } from "jose";
import {
  DEFAULT_MAX_SESSION_AGE_SECONDS,
  MAX_CLOCK_TOLERANCE_SECONDS,
  REQUIRED_CLAIMS,
  SESSION_TOKEN_TYPE,
  type SessionClaims,
} from "./claims";
import type { TokenErrorCode } from "./errors";
import { SIGNING_ALGORITHMS, type KeySet } from "./key-set";

export type VerifyOptions = {
  issuer: string;
  /** Expected `aud`: the host's tenant id, or "admin". */
  audience: string;
  /** Seconds of skew tolerated (clamped to 0..15, default 5). */
  clockToleranceSeconds?: number;
  /** Absolute session cap from `auth_time` (default 7 days). */
  maxSessionAgeSeconds?: number;
  /** Current time in seconds (tests). */
  now?: number;
  /** Longest accepted token (default 8192 chars). */
  maxTokenLength?: number;
};

export type VerifyResult =
  | { ok: true; claims: SessionClaims; kid: string }
  | { ok: false; code: TokenErrorCode; message: string };

const ALGORITHMS = [...SIGNING_ALGORITHMS];

class KeyLookupError extends Error {
  constructor(readonly code: TokenErrorCode) {
    super(code);
  }
}

const fail = (code: TokenErrorCode, message: string): VerifyResult => ({ ok: false, code, message });

function mapJoseError(error: unknown): VerifyResult {
  if (error instanceof KeyLookupError) return fail(error.code, "The token's key is not in the key set");
  const { code, claim, reason } = (error ?? {}) as { code?: string; claim?: string; reason?: string };
  switch (code) {
    case "ERR_JOSE_ALG_NOT_ALLOWED":
      return fail("token_alg_not_allowed", "Algorithm not allowed");
    case "ERR_JOSE_NOT_SUPPORTED":
      return fail("token_crit_unsupported", "Unsupported header parameter");
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return fail("token_signature_invalid", "Signature verification failed");
    case "ERR_JWT_EXPIRED":
      return fail("token_expired", "Token expired");
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      if (reason === "missing") return fail("token_claim_missing", `Missing claim "${claim}"`);
      if (claim === "iss") return fail("token_issuer_invalid", "Unexpected issuer");
      if (claim === "aud") return fail("token_audience_invalid", "Unexpected audience");
      if (claim === "typ") return fail("token_type_invalid", "Unexpected token type");
      if ((claim === "nbf" || claim === "iat") && reason === "check_failed")
        return fail("token_not_yet_valid", "Token not yet valid");
      return fail("token_claim_invalid", `Invalid claim "${claim}"`);
    default:
      return fail("token_malformed", "Malformed token");
  }
}

const isNonEmptyString = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 256;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/** Verifies a compact session JWS. Never throws. */
export async function verifySessionToken(
  token: string | null | undefined,
  keys: KeySet,
  options: VerifyOptions,
): Promise<VerifyResult> {
  if (!token) return fail("token_missing", "No session token");
  if (token.length > (options.maxTokenLength ?? 8192)) return fail("token_too_large", "Token too large");
  let dots = 0;
  for (let i = token.indexOf("."); i !== -1; i = token.indexOf(".", i + 1)) dots++;
  if (dots === 4) return fail("token_jwe_not_accepted", "Encrypted tokens are not accepted");
  if (dots !== 2) return fail("token_malformed", "Malformed token");

  const tolerance = Math.min(Math.max(options.clockToleranceSeconds ?? 5, 0), MAX_CLOCK_TOLERANCE_SECONDS);
  let payload: Record<string, unknown>;
  let kid: string;
  try {
    const result = await jwtVerify(
      token,
      (header: JWTHeaderParameters) => {
        const key = header.kid === undefined ? undefined : keys.verifying.get(header.kid);
        if (!key) throw new KeyLookupError("token_kid_unknown");
        // The key decides the algorithm: a token can't pick a weaker or different one.
        if (header.alg !== key.alg) throw new KeyLookupError("token_alg_not_allowed");
        return key.key;
      },
      {
        algorithms: ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        typ: SESSION_TOKEN_TYPE,
        clockTolerance: tolerance,
        requiredClaims: REQUIRED_CLAIMS as unknown as string[],
        ...(options.now === undefined ? {} : { currentDate: new Date(options.now * 1000) }),
      },
    );
    payload = result.payload as Record<string, unknown>;
    kid = result.protectedHeader.kid as string;
  } catch (error) {
    return mapJoseError(error);
  }

  const now = options.now ?? Math.floor(Date.now() / 1000);
  const { iat, auth_time: authTime } = payload as { iat: number; auth_time: unknown };
  if (iat > now + tolerance) return fail("token_not_yet_valid", "Token issued in the future");
  if (typeof authTime !== "number" || !Number.isFinite(authTime) || authTime > iat + tolerance) {
    return fail("token_claim_invalid", 'Invalid claim "auth_time"');
  }
  if (now - authTime > (options.maxSessionAgeSeconds ?? DEFAULT_MAX_SESSION_AGE_SECONDS)) {
    return fail("token_session_cap_exceeded", "Session is older than the absolute cap; sign in again");
  }
  if (!isNonEmptyString(payload.sub) || !isNonEmptyString(payload.tid) || !isNonEmptyString(payload.sid)) {
    return fail("token_claim_invalid", "Invalid sub/tid/sid");
  }
  if (payload.roles === undefined) payload.roles = [];
  if (payload.permissions === undefined) payload.permissions = [];
  if (!isStringArray(payload.roles) || !isStringArray(payload.permissions)) {
    return fail("token_claim_invalid", "Invalid roles/permissions");
  }
  if (typeof payload.cat !== "number") payload.cat = authTime * 1000;
  return { ok: true, claims: payload as unknown as SessionClaims, kid };
}
