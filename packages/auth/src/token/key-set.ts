// Signing key set: a private JWK set (ES256 default, EdDSA allowed), each key with a `kid`.
// Edge-safe (jose + Web Crypto). Every listed key verifies and is published in the JWKS; only a
// key in state `signing` (or, in sets written before key states existed, without `status`) may
// sign, the newest of them (largest `iat`) winning. A `published` key verifies but never signs,
// so a set can reach every instance before its new key starts signing (see key-rotation.ts).
import { importJWK, type JWK } from "jose";
import { SigningKeyError } from "./errors";

export const SIGNING_ALGORITHMS = ["ES256", "EdDSA"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/**
 * Lifecycle of a key: `published` (verifies, not signing yet) → `signing` → `retiring` (verifies
 * tokens it signed until they expire) → removed from the set.
 */
export const KEY_STATUSES = ["published", "signing", "retiring"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

/**
 * A private signing JWK as stored in `AUTH_SIGNING_KEYS`. Private members beyond RFC 7517:
 * `iat` creation time (s), `status` its state (absent in older sets: treated as `signing`) and
 * `since` when it entered that state (s). None of them are published in the JWKS.
 */
export type PrivateSigningJwk = JWK & {
  kid: string;
  alg: SigningAlgorithm;
  d: string;
  iat?: number;
  status?: KeyStatus;
  since?: number;
};

export type VerificationKey = { readonly kid: string; readonly alg: SigningAlgorithm; readonly key: CryptoKey };

export type KeySet = {
  /** The key new tokens are signed with. */
  readonly signing: VerificationKey & { readonly privateKey: CryptoKey };
  /** Every key that verifies, by `kid`. */
  readonly verifying: ReadonlyMap<string, VerificationKey>;
  /** Public JWKs (no private members), newest first. */
  readonly publicJwks: readonly JWK[];
};

const PUBLIC_MEMBERS = ["kty", "crv", "x", "y", "kid", "alg", "use"] as const;

function toPublicJwk(jwk: PrivateSigningJwk): JWK {
  const out: JWK = { use: "sig" };
  for (const m of PUBLIC_MEMBERS) if (jwk[m] !== undefined) (out as Record<string, unknown>)[m] = jwk[m];
  out.use = "sig";
  return out;
}

function assertSigningJwk(value: unknown, index: number): asserts value is PrivateSigningJwk {
  const jwk = value as Partial<PrivateSigningJwk> | null;
  const where = `AUTH_SIGNING_KEYS key #${index}`;
  if (!jwk || typeof jwk !== "object") throw new SigningKeyError(`${where} is not a JWK object`);
  if (typeof jwk.kid !== "string" || jwk.kid.length === 0) throw new SigningKeyError(`${where} has no "kid"`);
  if (typeof jwk.d !== "string") throw new SigningKeyError(`${where} (${jwk.kid}) is not a private key (no "d")`);
  if (jwk.alg === "ES256") {
    if (jwk.kty !== "EC" || jwk.crv !== "P-256")
      throw new SigningKeyError(`${where} (${jwk.kid}): ES256 needs kty EC, crv P-256`);
  } else if (jwk.alg === "EdDSA") {
    if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519")
      throw new SigningKeyError(`${where} (${jwk.kid}): EdDSA needs kty OKP, crv Ed25519`);
  } else {
    throw new SigningKeyError(`${where} (${jwk.kid}): "alg" must be one of ${SIGNING_ALGORITHMS.join(", ")}`);
  }
  if (jwk.status !== undefined && !(KEY_STATUSES as readonly unknown[]).includes(jwk.status)) {
    throw new SigningKeyError(`${where} (${jwk.kid}): "status" must be one of ${KEY_STATUSES.join(", ")}`);
  }
  for (const member of ["iat", "since"] as const) {
    const value = jwk[member];
    if (value !== undefined && (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)) {
      throw new SigningKeyError(`${where} (${jwk.kid}): "${member}" must be a time in seconds`);
    }
  }
}

/** True when the key may sign: state `signing`, or no state at all (sets from before states). */
export function canSign(jwk: PrivateSigningJwk): boolean {
  return jwk.status === undefined || jwk.status === "signing";
}

/** Parses the private JWK list from its JSON form: `{"keys":[...]}` or a bare array. */
export function parseSigningJwks(input: string | unknown): PrivateSigningJwk[] {
  let value: unknown = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      throw new SigningKeyError(
        'AUTH_SIGNING_KEYS is not valid JSON (expected {"keys":[...]}); run `pnpm auth:keys generate`',
      );
    }
  }
  const list = Array.isArray(value) ? value : (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list) || list.length === 0)
    throw new SigningKeyError("AUTH_SIGNING_KEYS has no keys; run `pnpm auth:keys generate`");
  list.forEach(assertSigningJwk);
  const kids = new Set(list.map((k) => k.kid));
  if (kids.size !== list.length) throw new SigningKeyError("AUTH_SIGNING_KEYS has duplicate kids");
  if (!list.some(canSign)) {
    throw new SigningKeyError(
      "AUTH_SIGNING_KEYS has no signing key (every key is published or retiring); run `pnpm auth:keys promote <kid>`",
    );
  }
  return list;
}

/** The JWK without our bookkeeping members (jose imports standard members only). */
function toPrivateJwk(jwk: PrivateSigningJwk): JWK {
  const { iat: _iat, status: _status, since: _since, ...standard } = jwk;
  return standard;
}

/** Orders keys newest first: larger `iat` first; ties keep their listed order. */
export function orderNewestFirst(keys: readonly PrivateSigningJwk[]): PrivateSigningJwk[] {
  return keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => (b.k.iat ?? 0) - (a.k.iat ?? 0) || a.i - b.i)
    .map(({ k }) => k);
}

/** Imports a private JWK set into a `KeySet` (Web Crypto keys, non-extractable). */
export async function importKeySet(input: string | unknown): Promise<KeySet> {
  const jwks = orderNewestFirst(parseSigningJwks(input));
  const verifying = new Map<string, VerificationKey>();
  let signing: KeySet["signing"] | undefined;
  for (const jwk of jwks) {
    const publicJwk = toPublicJwk(jwk);
    const key = (await importJWK(publicJwk, jwk.alg)) as CryptoKey;
    verifying.set(jwk.kid, Object.freeze({ kid: jwk.kid, alg: jwk.alg, key }));
    if (!signing && canSign(jwk)) {
      const privateKey = (await importJWK(toPrivateJwk(jwk), jwk.alg)) as CryptoKey;
      signing = Object.freeze({ kid: jwk.kid, alg: jwk.alg, key, privateKey });
    }
  }
  return Object.freeze({ signing: signing!, verifying, publicJwks: Object.freeze(jwks.map(toPublicJwk)) });
}

/** Builds an import-once cache: the same JSON string always yields the same `KeySet` promise. */
export function createKeySetCache(): (input: string) => Promise<KeySet> {
  let last: { input: string; keys: Promise<KeySet> } | undefined;
  return (input) => {
    if (last?.input !== input) last = { input, keys: importKeySet(input) };
    return last.keys;
  };
}
