// Verified-token cache: a bounded LRU keyed by the token string. An entry lives no longer
// than the token (exp, and the absolute cap from auth_time), so a hit needs no signature
// verification. Revocation is NOT cached: the gate checks it on every request. Edge-safe.
import type { KeySet, SessionClaims } from "../token/index";

type Entry = { claims: SessionClaims; expiresAtMs: number };

export type VerifiedTokenCache = {
  get(token: string, keys: KeySet, nowMs: number): SessionClaims | undefined;
  set(token: string, claims: SessionClaims, keys: KeySet, expiresAtMs: number): void;
  readonly size: number;
  clear(): void;
};

/** A Map-based LRU (insertion order = recency) holding at most `max` verified tokens. */
export function createVerifiedTokenCache(max = 10_000): VerifiedTokenCache {
  const map = new Map<string, Entry>();
  let keySet: KeySet | undefined;
  return {
    get(token, keys, nowMs) {
      if (keys !== keySet) return undefined; // key set changed (rotation): re-verify everything
      const entry = map.get(token);
      if (!entry) return undefined;
      if (entry.expiresAtMs <= nowMs) {
        map.delete(token);
        return undefined;
      }
      map.delete(token);
      map.set(token, entry);
      return entry.claims;
    },
    set(token, claims, keys, expiresAtMs) {
      if (keys !== keySet) {
        map.clear();
        keySet = keys;
      }
      map.delete(token);
      map.set(token, { claims, expiresAtMs });
      if (map.size > max) map.delete(map.keys().next().value as string);
    },
    get size() {
      return map.size;
    },
    clear() {
      map.clear();
    },
  };
}
