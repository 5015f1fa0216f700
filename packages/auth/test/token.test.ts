import { afterEach, describe, expect, it, vi } from "vitest";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { encode as authjsEncode } from "@auth/core/jwt";
import {
  SESSION_TOKEN_TYPE,
  buildJwks,
  importKeySet,
  verifySessionToken,
  type KeySet,
  type TokenErrorCode,
} from "@repo/auth/token";
import { serializeSessionCookie, sessionCookie } from "@repo/auth/gate";
import {
  ACME,
  GLOBEX,
  ISSUER,
  b64url,
  fromB64url,
  makeKeys,
  mintSession,
  nowSeconds,
  signCompactManually,
  signRaw,
  validPayload,
} from "./fixtures";

const verify = (
  token: string | null | undefined,
  keys: KeySet,
  audience = ACME.id,
  extra: { now?: number; maxSessionAgeSeconds?: number } = {},
) => verifySessionToken(token, keys, { issuer: ISSUER, audience, ...extra });

const { keys, jwks } = await makeKeys(["ES256", "EdDSA"]);
const other = await makeKeys(["ES256"]);

type Case = [name: string, make: () => Promise<string> | string, code: TokenErrorCode];

const attackTable: Case[] = [
  ["missing token", () => "", "token_missing"],
  [
    "alg: none",
    () =>
      `${b64url(JSON.stringify({ alg: "none", typ: SESSION_TOKEN_TYPE, kid: keys.signing.kid }))}.${b64url(JSON.stringify(validPayload()))}.`,
    "token_alg_not_allowed",
  ],
  [
    "HS256 signed with our public key",
    () =>
      new SignJWT(validPayload())
        .setProtectedHeader({ alg: "HS256", kid: keys.signing.kid, typ: SESSION_TOKEN_TYPE })
        .sign(new TextEncoder().encode(JSON.stringify(buildJwks(keys).keys[0]))),
    "token_alg_not_allowed",
  ],
  ["unknown kid", () => signRaw(keys, { kid: "nope" }, validPayload()), "token_kid_unknown"],
  ["no kid", () => signRaw(keys, { kid: undefined }, validPayload()), "token_kid_unknown"],
  [
    "wrong kid (another key of the set, same alg family mismatch)",
    () => signRaw(keys, { kid: jwks[1]!.kid }, validPayload()),
    "token_alg_not_allowed",
  ],
  [
    "kid of ours, signed by a foreign key",
    () => signRaw(other.keys, { kid: keys.signing.kid }, validPayload()),
    "token_signature_invalid",
  ],
  [
    "expired",
    () => signRaw(keys, {}, validPayload({ iat: nowSeconds() - 700, exp: nowSeconds() - 60 })),
    "token_expired",
  ],
  ["nbf in the future", () => signRaw(keys, {}, validPayload({ nbf: nowSeconds() + 120 })), "token_not_yet_valid"],
  [
    "iat in the future",
    () => signRaw(keys, {}, validPayload({ iat: nowSeconds() + 120, exp: nowSeconds() + 900 })),
    "token_not_yet_valid",
  ],
  ["wrong iss", () => signRaw(keys, {}, validPayload({ iss: "evil" })), "token_issuer_invalid"],
  ["wrong aud", () => signRaw(keys, {}, validPayload({ aud: "someone-else" })), "token_audience_invalid"],
  ["another tenant's valid token", () => mintSession(keys, { tid: GLOBEX.id }), "token_audience_invalid"],
  ["wrong typ", () => signRaw(keys, { typ: "JWT" }, validPayload()), "token_type_invalid"],
  ["missing sid", () => signRaw(keys, {}, validPayload({ sid: undefined })), "token_claim_missing"],
  ["missing auth_time", () => signRaw(keys, {}, validPayload({ auth_time: undefined })), "token_claim_missing"],
  [
    "tampered payload",
    async () => {
      const [h, , s] = (await mintSession(keys)).split(".");
      const p = JSON.parse(fromB64url((await mintSession(keys)).split(".")[1]!));
      p.permissions = ["tenant:manage"];
      return `${h}.${b64url(JSON.stringify(p))}.${s}`;
    },
    "token_signature_invalid",
  ],
  [
    "tampered signature",
    async () => {
      const t = await mintSession(keys);
      const last = t.at(-2) === "A" ? "B" : "A";
      return t.slice(0, -2) + last + t.at(-1);
    },
    "token_signature_invalid",
  ],
  ["truncated", async () => (await mintSession(keys)).split(".").slice(0, 2).join("."), "token_malformed"],
  ["truncated signature", async () => (await mintSession(keys)).slice(0, -20), "token_signature_invalid"],
  ["oversized", async () => (await mintSession(keys)) + "A".repeat(9000), "token_too_large"],
  ["malformed base64", () => "%%%.$$$.***", "token_malformed"],
  ["not JSON header", () => `${b64url("hello")}.${b64url("{}")}.abc`, "token_malformed"],
  [
    "jku / x5u headers (ignored, nothing fetched)",
    () =>
      signRaw(
        other.keys,
        { kid: "attacker", jku: "http://127.0.0.1:1/jwks", x5u: "http://127.0.0.1:1/x5u" },
        validPayload(),
      ),
    "token_kid_unknown",
  ],
  [
    "embedded jwk header (ignored)",
    async () => {
      const { publicKey, privateKey } = await generateKeyPair("ES256");
      return new SignJWT(validPayload())
        .setProtectedHeader({
          alg: "ES256",
          typ: SESSION_TOKEN_TYPE,
          kid: keys.signing.kid,
          jwk: await exportJWK(publicKey),
        })
        .sign(privateKey);
    },
    "token_signature_invalid",
  ],
  [
    "unknown crit",
    () =>
      signCompactManually(
        keys,
        { alg: "ES256", kid: keys.signing.kid, typ: SESSION_TOKEN_TYPE, crit: ["x-custom"], "x-custom": 1 },
        validPayload(),
      ),
    "token_crit_unsupported",
  ],
  [
    "hand-signed control (proves the manual signer is valid)",
    () =>
      signCompactManually(
        keys,
        { alg: "ES256", kid: keys.signing.kid, typ: SESSION_TOKEN_TYPE },
        validPayload({ iss: "x" }),
      ),
    "token_issuer_invalid",
  ],
  [
    "a JWE (Auth.js default) where a JWS is expected",
    () => authjsEncode({ token: { sub: "user-1" }, secret: "s".repeat(32), salt: "authjs.session-token" }),
    "token_jwe_not_accepted",
  ],
];

describe("verifySessionToken: JWT attack table", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(attackTable)("rejects %s", async (_name, make, code) => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const token = await make();
    const result = await verify(token, keys);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("accepts a good ES256 token and a good EdDSA token", async () => {
    const good = await verify(await mintSession(keys), keys);
    expect(good.ok && good.claims.tid).toBe(ACME.id);
    const eddsaOnly = await importKeySet({ keys: [jwks[1]] });
    const eddsa = await verify(await mintSession(eddsaOnly), eddsaOnly);
    expect(eddsa.ok && eddsa.kid).toBe(jwks[1]!.kid);
  });

  it("never throws on garbage input", async () => {
    for (const junk of [undefined, null, ".", "..", "a.b.c", "a.b.c.d.e", "\u0000.\u0000.\u0000", "eyJ.eyJ.eyJ"]) {
      await expect(verify(junk as string, keys)).resolves.toMatchObject({ ok: false });
    }
  });
});

describe("key rotation drill", () => {
  it("old tokens verify after a key is added; nobody is signed out; retired keys' tokens are rejected", async () => {
    const [a, b] = (await makeKeys(["ES256", "ES256"])).jwks;
    const a0 = { ...a!, iat: 100 };
    const b1 = { ...b!, iat: 200 };
    const setA = await importKeySet({ keys: [a0] });
    const tokenA = await mintSession(setA);

    const setAB = await importKeySet({ keys: [a0, b1] }); // add B: B is newest, signs
    expect(setAB.signing.kid).toBe(b1.kid);
    expect((await verify(tokenA, setAB)).ok).toBe(true);
    const tokenB = await mintSession(setAB);
    expect(JSON.parse(fromB64url(tokenB.split(".")[0]!)).kid).toBe(b1.kid);

    const setB = await importKeySet({ keys: [b1] }); // retire A
    expect(await verify(tokenA, setB)).toMatchObject({ ok: false, code: "token_kid_unknown" });
    expect((await verify(tokenB, setB)).ok).toBe(true);
    expect(buildJwks(setAB).keys.map((k) => k.kid)).toEqual([b1.kid, a0.kid]);
    expect(JSON.stringify(buildJwks(setAB))).not.toContain('"d"');
  });
});

describe("absolute session cap", () => {
  it("rejects a token re-signed repeatedly past auth_time + cap", async () => {
    const start = nowSeconds() - 10 * 86_400;
    const authTime = start;
    let lastOk = 0;
    for (let t = start; t <= start + 8 * 86_400; t += 6 * 3600) {
      // Auth.js re-signs with a fresh iat/exp on each session read: exp alone never ends it.
      const token = await mintSession(keys, { auth_time: authTime }, { now: t, expiresIn: 8 * 3600 });
      const result = await verify(token, keys, ACME.id, { now: t + 60 });
      if (t + 60 - authTime <= 7 * 86_400) {
        expect(result.ok).toBe(true);
        lastOk = t;
      } else {
        expect(result).toMatchObject({ ok: false, code: "token_session_cap_exceeded" });
      }
    }
    expect(lastOk).toBeGreaterThan(start + 6 * 86_400);
  });

  it("honours a custom cap", async () => {
    const token = await mintSession(keys, { auth_time: nowSeconds() - 7200 });
    expect(await verify(token, keys, ACME.id, { maxSessionAgeSeconds: 3600 })).toMatchObject({
      code: "token_session_cap_exceeded",
    });
  });
});

describe("cookie size", () => {
  it("stays under 4 KB with 50 permissions", async () => {
    const permissions = Array.from({ length: 50 }, (_, i) => `resource${String(i).padStart(2, "0")}:manage`);
    const token = await mintSession(keys, {
      permissions,
      roles: ["owner", "billing-admin", "auditor"],
      email: "a.rather.long.email.address@example-customer-domain.test",
      name: "Someone With A Long Name",
    });
    const header = serializeSessionCookie(sessionCookie("__Host-repo.session", token, 28_800));
    expect(header.length).toBeLessThan(4096);
    expect((await verify(token, keys)).ok).toBe(true);
  });
});
