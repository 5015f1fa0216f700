// Signs session tokens (JWS, compact) with the newest key of the set. Edge-safe.
import { SignJWT } from "jose";
import { SESSION_TOKEN_TYPE, type SessionTokenInput } from "./claims";
import type { KeySet } from "./key-set";

export type SignOptions = {
  issuer: string;
  /** The tenant id for tenant sessions; "admin" for operators. */
  audience: string;
  /** Lifetime of this token (idle timeout); the absolute cap is enforced by `auth_time`. */
  expiresInSeconds: number;
  /** Current time in seconds (tests). */
  now?: number;
};

/** Signs a session token. Throws only on programmer error (bad key set). */
export function signSessionToken(input: SessionTokenInput, keys: KeySet, options: SignOptions): Promise<string> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const { sub, ...rest } = input;
  const payload = { ...rest, cat: input.cat ?? now * 1000 };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: keys.signing.alg, kid: keys.signing.kid, typ: SESSION_TOKEN_TYPE })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(sub)
    .setIssuedAt(now)
    .setExpirationTime(now + options.expiresInSeconds)
    .sign(keys.signing.privateKey);
}
