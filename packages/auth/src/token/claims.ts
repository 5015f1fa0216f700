// The session token's claims and constants. Edge-safe.

/** `typ` header of session tokens, so no other JWT signed with the same keys is accepted as one. */
export const SESSION_TOKEN_TYPE = "session+jwt";

/** Upper bound for clock skew between signer and verifier. */
export const MAX_CLOCK_TOLERANCE_SECONDS = 15;

/** Default absolute session lifetime from `auth_time`, whatever `exp` says. */
export const DEFAULT_MAX_SESSION_AGE_SECONDS = 7 * 24 * 60 * 60;

/** Claims every session token must carry. */
export const REQUIRED_CLAIMS = ["exp", "iat", "sub", "tid", "sid", "auth_time"] as const;

/** Verified session claims. `aud` is the tenant id (tenant sessions) or "admin" (operators). */
export type SessionClaims = {
  iss: string;
  aud: string;
  /** User (or operator) id. */
  sub: string;
  /** Tenant id; "admin" for operator sessions. */
  tid: string;
  /** Session id (random), the key for per-session revocation and the sessions inventory. */
  sid: string;
  iat: number;
  exp: number;
  /** When the user signed in (seconds). Survives re-signing; drives the absolute cap and epochs. */
  auth_time: number;
  /** When roles/permissions were loaded (ms). Compared with the "claims stale" marker. */
  cat: number;
  roles: string[];
  permissions: string[];
  email?: string;
  name?: string;
};

/** What the signer needs; `iss`, `aud`, `iat`, `exp` are added by `signSessionToken`. */
export type SessionTokenInput = Omit<SessionClaims, "iss" | "aud" | "iat" | "exp" | "cat"> & { cat?: number };
