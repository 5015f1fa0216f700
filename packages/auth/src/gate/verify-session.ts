// THE session check, used by the gate (proxy), the data layer (pages, route handlers, Server
// Actions), Auth.js's decode and the operator realm: every value of the session cookie →
// signature + claims (verified-token cache) → token tenant == expected tenant → revocation
// (snapshot). Edge-safe. Never throws for bad input; a store that can't answer is `unavailable`.
import { DEFAULT_MAX_SESSION_AGE_SECONDS, verifySessionToken, type KeySet } from "../token/index";
import type { RevocationCheck, RevocationStore } from "../revocation/index";
import type { DecisionReason } from "./decision";
import type { CachedToken, VerifiedTokenCache } from "./token-cache";

export type VerifySessionOptions = {
  keys: KeySet;
  issuer: string;
  /** The audience the token must carry (tenant id; "admin" for operators). */
  audience: string;
  /** The `tid` the token must carry (the Host's tenant; "admin" for operators). */
  tenantId: string;
  revocation: RevocationStore | null;
  /** Shared verified-token cache (skips the signature check on repeat requests). */
  cache?: VerifiedTokenCache;
  clockToleranceSeconds?: number;
  maxSessionAgeSeconds?: number;
  nowMs?: number;
};

export type VerifiedSession = { ok: true; token: string; entry: CachedToken; check: RevocationCheck | null };
export type RefusedSession = { ok: false; reason: DecisionReason; unavailable: boolean };

/**
 * The token's verified claims (cached), or why it isn't a session of `tenantId`. A cache hit
 * answers synchronously: the hot path pays no microtask for it.
 */
function verifyOne(
  token: string,
  options: VerifySessionOptions,
  nowMs: number,
): CachedToken | DecisionReason | Promise<CachedToken | DecisionReason> {
  const entry = options.cache?.get(token, options.keys, nowMs);
  if (entry) return forTenant(entry, options);
  return verifyAndCache(token, options).then((verified) =>
    typeof verified === "string" ? verified : forTenant(verified, options),
  );
}

/** A cache hit may come from another host: the tenant is checked on every call. */
function forTenant(entry: CachedToken, options: VerifySessionOptions): CachedToken | DecisionReason {
  return entry.claims.tid === options.tenantId && entry.claims.aud === options.audience ? entry : "tenant-mismatch";
}

/** Signature and claims of a token the cache doesn't hold; cached when they verify. */
async function verifyAndCache(token: string, options: VerifySessionOptions): Promise<CachedToken | DecisionReason> {
  const result = await verifySessionToken(token, options.keys, {
    issuer: options.issuer,
    audience: options.audience,
    clockToleranceSeconds: options.clockToleranceSeconds,
    maxSessionAgeSeconds: options.maxSessionAgeSeconds,
  });
  if (!result.ok) return `token:${result.code}`;
  const claims = result.claims;
  const cap = (claims.auth_time + (options.maxSessionAgeSeconds ?? DEFAULT_MAX_SESSION_AGE_SECONDS)) * 1000;
  const expiresAtMs = Math.min(claims.exp * 1000, cap);
  return options.cache ? options.cache.set(token, claims, options.keys, expiresAtMs) : { token, claims, expiresAtMs };
}

/**
 * The first of `tokens` (the session cookie's values, in header order) that verifies for the
 * tenant and is not revoked. Several values = a tossed duplicate: a bad one never hides a good one.
 */
export async function verifySession(
  tokens: readonly string[],
  options: VerifySessionOptions,
): Promise<VerifiedSession | RefusedSession> {
  const nowMs = options.nowMs ?? Date.now();
  let reason: DecisionReason = "no-token";
  for (const token of tokens) {
    const pendingToken = verifyOne(token, options, nowMs);
    const verified = pendingToken instanceof Promise ? await pendingToken : pendingToken;
    if (typeof verified === "string") {
      reason = verified;
      continue;
    }
    if (!options.revocation) return { ok: true, token, entry: verified, check: null };
    const pending = options.revocation.check(verified.claims);
    // The snapshot store answers synchronously on the hot path: don't pay a microtask for it.
    const check = pending instanceof Promise ? await pending : pending;
    if (check.revoked && check.reason === "unavailable")
      return { ok: false, reason: "revoked:unavailable", unavailable: true };
    if (check.revoked) {
      reason = `revoked:${check.reason ?? "session"}`;
      continue;
    }
    return { ok: true, token, entry: verified, check };
  }
  return { ok: false, reason, unavailable: false };
}
