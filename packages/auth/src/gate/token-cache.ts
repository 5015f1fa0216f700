// Verified-token cache: a bounded LRU of tokens whose signature and claims were verified. An
// entry lives no longer than the token (exp, and the absolute cap from auth_time), so a hit
// needs no signature verification. Revocation is NOT cached: the gate checks it on every
// request. Edge-safe.
//
// Keyed by the token's last 32 characters (signature bytes) rather than the whole ~700-char
// string: hashing the full token on every lookup cost ~3 µs, more than the rest of the warm
// path. A hit still requires the FULL token to be equal, so a forged token sharing a suffix is
// just a miss and goes through verification.
import type { KeySet, SessionClaims } from "../token/index";

type Entry = { token: string; claims: SessionClaims; expiresAtMs: number; forward?: Record<string, string> };

export type CachedToken = Entry;

export type VerifiedTokenCache = {
  get(token: string, keys: KeySet, nowMs: number): CachedToken | undefined;
  set(token: string, claims: SessionClaims, keys: KeySet, expiresAtMs: number): CachedToken;
  readonly size: number;
  clear(): void;
};

const KEY_LENGTH = 32;
const keyOf = (token: string) => token.slice(-KEY_LENGTH);

/** A Map-based LRU (insertion order = recency) holding at most `max` verified tokens. */
export function createVerifiedTokenCache(max = 10_000): VerifiedTokenCache {
  const map = new Map<string, Entry>();
  let keySet: KeySet | undefined;
  return {
    get(token, keys, nowMs) {
      if (keys !== keySet) return undefined; // key set changed (rotation): re-verify everything
      const key = keyOf(token);
      const entry = map.get(key);
      if (!entry || entry.token !== token) return undefined;
      if (entry.expiresAtMs <= nowMs) {
        map.delete(key);
        return undefined;
      }
      map.delete(key);
      map.set(key, entry);
      return entry;
    },
    set(token, claims, keys, expiresAtMs) {
      if (keys !== keySet) {
        map.clear();
        keySet = keys;
      }
      const key = keyOf(token);
      const entry: Entry = { token, claims, expiresAtMs };
      map.delete(key);
      map.set(key, entry);
      if (map.size > max) map.delete(map.keys().next().value as string);
      return entry;
    },
    get size() {
      return map.size;
    },
    clear() {
      map.clear();
    },
  };
}
