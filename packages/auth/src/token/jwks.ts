// The public JWKS document (`/.well-known/jwks.json`). Edge-safe.
import type { JWK } from "jose";
import type { KeySet } from "./key-set";

export type JwksDocument = { keys: JWK[] };

/** The public key set: every verifying key, newest first, no private members. */
export function buildJwks(keys: KeySet): JwksDocument {
  return { keys: keys.publicJwks.map((k) => ({ ...k })) };
}

/** How long verifiers may cache the JWKS (s): a published key waits this long before it signs. */
export const JWKS_MAX_AGE_SECONDS = 300;

/**
 * A `Response` serving the JWKS. Cached for `maxAge` seconds (default JWKS_MAX_AGE_SECONDS) with
 * stale-while-revalidate: consumers pick up a newly added key within minutes, and a key must
 * stay listed for at least the token lifetime + this max-age after it stops signing.
 */
export function createJwksResponse(keys: KeySet, options: { maxAge?: number } = {}): Response {
  const maxAge = options.maxAge ?? JWKS_MAX_AGE_SECONDS;
  return new Response(JSON.stringify(buildJwks(keys)), {
    headers: {
      "content-type": "application/jwk-set+json; charset=utf-8",
      "cache-control": `public, max-age=${maxAge}, stale-while-revalidate=${maxAge}`,
      "access-control-allow-origin": "*",
    },
  });
}
