// Verified-token cache: a bounded LRU of tokens whose signature and claims were verified. An
// entry lives no longer than the token (exp, and the absolute cap from auth_time), so a hit
// needs no signature verification. Revocation is NOT cached: the gate checks it on every
// request. Edge-safe.
//
// Keyed by the token's last 32 characters (signature bytes) rather than the whole ~700-char
// string: hashing the full token on every lookup cost ~3 µs, more than the rest of the warm
// path. A hit still requires the FULL token to be equal, so a forged token sharing a suffix is
// just a miss and goes through verification.
import { LRUCache } from "lru-cache";
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

/** An `lru-cache` holding at most `max` verified tokens (one per process and key set). */
export function createVerifiedTokenCache(max = 10_000): VerifiedTokenCache {
  const lru = new LRUCache<string, Entry>({ max });
  let keySet: KeySet | undefined;
  return {
    get(token, keys, nowMs) {
      if (keys !== keySet) return undefined; // key set changed (rotation): re-verify everything
      const key = keyOf(token);
      const entry = lru.get(key);
      if (!entry || entry.token !== token) return undefined;
      if (entry.expiresAtMs <= nowMs) {
        lru.delete(key);
        return undefined;
      }
      return entry;
    },
    set(token, claims, keys, expiresAtMs) {
      if (keys !== keySet) {
        lru.clear();
        keySet = keys;
      }
      const entry: Entry = { token, claims, expiresAtMs };
      lru.set(keyOf(token), entry);
      return entry;
    },
    get size() {
      return lru.size;
    },
    clear() {
      lru.clear();
    },
  };
}
