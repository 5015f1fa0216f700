// Shared test fixtures: key sets, token minting (good and evil), tenants.
import { SignJWT, type JWTHeaderParameters, type JWTPayload } from "jose";
import {
  SESSION_TOKEN_TYPE,
  generateSigningJwk,
  importKeySet,
  signSessionToken,
  type KeySet,
  type PrivateSigningJwk,
  type SessionTokenInput,
} from "@repo/auth/token";

export const ISSUER = "repo-auth-test";
export const ACME = { id: "11111111-1111-4111-8111-111111111111", slug: "acme", name: "Acme Inc", status: "active" };
export const GLOBEX = {
  id: "22222222-2222-4222-8222-222222222222",
  slug: "globex",
  name: "Globex Corp",
  status: "active",
};
export const SUSPENDED = {
  id: "33333333-3333-4333-8333-333333333333",
  slug: "initech",
  name: "Initech",
  status: "suspended",
};
export const TENANTS = [ACME, GLOBEX, SUSPENDED];

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function makeKeys(
  algs: ("ES256" | "EdDSA")[] = ["ES256"],
): Promise<{ jwks: PrivateSigningJwk[]; keys: KeySet }> {
  const jwks: PrivateSigningJwk[] = [];
  for (const [i, alg] of algs.entries()) {
    const jwk = await generateSigningJwk(alg);
    jwk.iat = 1_000_000 - i; // first listed = newest
    jwks.push(jwk);
  }
  return { jwks, keys: await importKeySet({ keys: jwks }) };
}

export function sessionInput(overrides: Partial<SessionTokenInput> = {}): SessionTokenInput {
  return {
    sub: "user-1",
    tid: ACME.id,
    sid: `sid-${crypto.randomUUID()}`,
    auth_time: nowSeconds() - 60,
    roles: ["member"],
    permissions: ["projects:read", "projects:write", "members:read", "tenant:read"],
    email: "member@acme.test",
    ...overrides,
  };
}

export function mintSession(
  keys: KeySet,
  overrides: Partial<SessionTokenInput> = {},
  opts: { audience?: string; expiresIn?: number; now?: number; issuer?: string } = {},
) {
  const input = sessionInput(overrides);
  return signSessionToken(input, keys, {
    issuer: opts.issuer ?? ISSUER,
    audience: opts.audience ?? input.tid,
    expiresInSeconds: opts.expiresIn ?? 3600,
    ...(opts.now === undefined ? {} : { now: opts.now }),
  });
}

/** Signs arbitrary header + payload with our signing key (for attack cases that need a valid signature). */
export function signRaw(keys: KeySet, header: Partial<JWTHeaderParameters>, payload: JWTPayload): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({
      alg: keys.signing.alg,
      kid: keys.signing.kid,
      typ: SESSION_TOKEN_TYPE,
      ...header,
    } as JWTHeaderParameters)
    .sign(keys.signing.privateKey);
}

export function validPayload(overrides: JWTPayload = {}): JWTPayload {
  const now = nowSeconds();
  return {
    iss: ISSUER,
    aud: ACME.id,
    sub: "user-1",
    tid: ACME.id,
    sid: "sid-raw",
    iat: now,
    exp: now + 600,
    auth_time: now - 10,
    roles: ["member"],
    permissions: ["projects:read"],
    ...overrides,
  };
}

export const b64url = (s: string) => btoa(s).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
export const fromB64url = (s: string) => atob(s.replaceAll("-", "+").replaceAll("_", "/"));

/** Hand-signs (ES256, Web Crypto) so headers jose refuses to produce (e.g. unknown `crit`) can be tested. */
export async function signCompactManually(
  keys: KeySet,
  header: Record<string, unknown>,
  payload: JWTPayload,
): Promise<string> {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const sig = new Uint8Array(
    await crypto.subtle.sign(
      { name: "ECDSA", hash: "SHA-256" },
      keys.signing.privateKey,
      new TextEncoder().encode(input),
    ),
  );
  return `${input}.${b64url(String.fromCharCode(...sig))}`;
}
