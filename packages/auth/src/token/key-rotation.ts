// Staged key rotation on a private JWK set (what `pnpm auth:keys` runs). Edge-safe, pure: every
// function takes the set and `now` and returns a new set. The stages exist because instances of a
// rolling deploy hold different sets for a while:
//   1. publish: the new key joins the set verify-only. Deploy it everywhere; every instance then
//      verifies the new key before any instance signs with it.
//   2. promote (after the JWKS cache TTL, so external verifiers also fetched it): the new key
//      signs; the former signer keeps verifying as `retiring`.
//   3. retire (after the absolute session cap since it stopped signing): no live token carries it.
// The dangerous shortcuts need `force`.
import { canSign, orderNewestFirst, type PrivateSigningJwk } from "./key-set";

export type KeyRotationErrorCode =
  | "key_not_found"
  | "key_too_new"
  | "key_is_signer"
  | "key_in_use"
  | "last_key"
  | "not_published";

/** A rotation step refused (it would sign users out or break verification); `force` overrides some. */
export class KeyRotationError extends Error {
  readonly code: KeyRotationErrorCode;
  constructor(code: KeyRotationErrorCode, message: string) {
    super(message);
    this.name = "KeyRotationError";
    this.code = code;
  }
}

export type KeyState = {
  kid: string;
  alg: string;
  status: "published" | "signing" | "retiring";
  createdAt: number | undefined;
  since: number | undefined;
};

/**
 * Every key with its effective state, newest first. Sets written before key states existed
 * (no `status`) are read as the old rule said: the newest key signs and the others are retiring,
 * since the moment the newest was created.
 */
export function describeKeys(keys: readonly PrivateSigningJwk[]): KeyState[] {
  const ordered = orderNewestFirst(keys);
  const signer = ordered.find(canSign);
  return ordered.map((k) => {
    const legacy = k.status === undefined;
    const status = legacy ? (k === signer ? "signing" : "retiring") : k.status!;
    const since = k.since ?? (legacy ? (k === signer ? k.iat : signer?.iat) : k.iat);
    return { kid: k.kid, alg: k.alg, status, createdAt: k.iat, since };
  });
}

/** The set with every key's effective state written out (so later steps never guess). */
function normalise(keys: readonly PrivateSigningJwk[]): PrivateSigningJwk[] {
  const states = new Map(describeKeys(keys).map((s) => [s.kid, s]));
  return orderNewestFirst(keys).map((k) => {
    const state = states.get(k.kid)!;
    return { ...k, status: state.status, ...(state.since === undefined ? {} : { since: state.since }) };
  });
}

/** Adds `key` verify-only (`published`). It signs only after `promoteKey`. */
export function publishKey(
  keys: readonly PrivateSigningJwk[],
  key: PrivateSigningJwk,
  now: number,
): PrivateSigningJwk[] {
  // The new key must sort newest even if clocks disagree, so `describeKeys` stays readable.
  const iat = Math.max(key.iat ?? now, ...keys.map((k) => (k.iat ?? 0) + 1));
  return [{ ...key, iat, status: "published", since: now }, ...normalise(keys)];
}

/**
 * Makes a published key the signer; the former signer becomes `retiring`. Refused while the key
 * has been published for less than `jwksCacheTtlSeconds` (verifiers may not know it yet).
 */
export function promoteKey(
  keys: readonly PrivateSigningJwk[],
  kid: string,
  options: { now: number; jwksCacheTtlSeconds: number; force?: boolean },
): PrivateSigningJwk[] {
  const current = normalise(keys);
  const target = current.find((k) => k.kid === kid);
  if (!target) throw new KeyRotationError("key_not_found", `no key with kid ${kid}`);
  if (target.status === "signing") throw new KeyRotationError("not_published", `${kid} already signs`);
  const age = options.now - (target.since ?? 0);
  if (!options.force && target.status === "published" && age < options.jwksCacheTtlSeconds) {
    const wait = options.jwksCacheTtlSeconds - age;
    throw new KeyRotationError(
      "key_too_new",
      `${kid} was published ${age} s ago; verifiers cache the JWKS for ${options.jwksCacheTtlSeconds} s. Promote in ${wait} s, once every instance runs the set that lists it (or pass --force).`,
    );
  }
  return current.map((k) => {
    if (k.kid === kid) return { ...k, status: "signing", since: options.now };
    if (k.status === "signing") return { ...k, status: "retiring", since: options.now };
    return k;
  });
}

/**
 * Removes a key. Refused for the signer and for a key that stopped signing less than
 * `sessionCapSeconds` ago (tokens it signed are still alive); a published key never signed
 * anything and may go at once. `force` overrides both; the only key is never removed.
 */
export function retireKey(
  keys: readonly PrivateSigningJwk[],
  kid: string,
  options: { now: number; sessionCapSeconds: number; force?: boolean },
): PrivateSigningJwk[] {
  const current = normalise(keys);
  const target = current.find((k) => k.kid === kid);
  if (!target) throw new KeyRotationError("key_not_found", `no key with kid ${kid}`);
  if (current.length === 1)
    throw new KeyRotationError("last_key", `${kid} is the only key; publish and promote a successor first`);
  if (!options.force && target.status === "signing") {
    throw new KeyRotationError(
      "key_is_signer",
      `${kid} signs new tokens; promote its successor first (or pass --force, which signs everybody out)`,
    );
  }
  const idle = options.now - (target.since ?? 0);
  if (!options.force && target.status === "retiring" && idle < options.sessionCapSeconds) {
    throw new KeyRotationError(
      "key_in_use",
      `${kid} stopped signing ${idle} s ago; sessions it signed live up to ${options.sessionCapSeconds} s. Retire it in ${options.sessionCapSeconds - idle} s (or pass --force, which signs those sessions out).`,
    );
  }
  const rest = current.filter((k) => k.kid !== kid);
  if (rest.some((k) => k.status === "signing")) return rest;
  // Forced removal of the signer: the newest remaining key takes over at once.
  const [heir, ...others] = rest;
  return [{ ...heir!, status: "signing", since: options.now }, ...others];
}
