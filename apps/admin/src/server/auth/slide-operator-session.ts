// Sliding operator sessions (runs in the proxy; edge-safe: jose via @repo/auth/token only).
// An operator token lives `sessionMaxAge` (idle lifetime) from its `iat`; without re-issuing,
// an active operator is signed out mid-work. Once a VERIFIED, UNREVOKED token is past half its
// idle lifetime, the proxy re-signs the same claims — same `sid` and `auth_time`, so session
// revocation and user/tenant epochs still apply — with a fresh `iat`/`exp`, never beyond the
// absolute cap (`auth_time + maxSessionAgeSeconds`, also enforced by verification).
import { signSessionToken, type KeySet, type SessionClaims } from "@repo/auth/token";

export type SlideOptions = {
  keys: KeySet;
  issuer: string;
  /** Idle lifetime of a token (s). */
  sessionMaxAgeSeconds: number;
  /** Absolute cap from sign-in (s). */
  maxSessionAgeSeconds: number;
  /** Current time in seconds (tests). */
  now?: number;
};

/** A re-issued token and its lifetime (s), or null when the current one needs no refresh. */
export async function slideOperatorSession(
  claims: SessionClaims,
  options: SlideOptions,
): Promise<{ token: string; maxAge: number } | null> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (now - claims.iat < options.sessionMaxAgeSeconds / 2) return null;
  const lifetime = Math.min(options.sessionMaxAgeSeconds, claims.auth_time + options.maxSessionAgeSeconds - now);
  // Near the absolute cap a new token would not outlive the current one: keep it.
  if (lifetime <= 0 || now + lifetime <= claims.exp) return null;
  const { iss: _iss, aud, iat: _iat, exp: _exp, ...input } = claims;
  const token = await signSessionToken(input, options.keys, {
    issuer: options.issuer,
    audience: aud,
    expiresInSeconds: lifetime,
    now,
  });
  return { token, maxAge: lifetime };
}
