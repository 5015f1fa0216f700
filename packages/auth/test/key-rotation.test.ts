import { describe, expect, it } from "vitest";
import {
  buildJwks,
  describeKeys,
  generateSigningJwk,
  importKeySet,
  promoteKey,
  publishKey,
  retireKey,
  verifySessionToken,
  type KeySet,
  type PrivateSigningJwk,
} from "@repo/auth/token";
import { ACME, ISSUER, mintSession } from "./fixtures";

const T0 = 1_800_000_000;
const TTL = 600;
const CAP = 7 * 86_400;

const verifies = async (token: string, keys: KeySet) =>
  (await verifySessionToken(token, keys, { issuer: ISSUER, audience: ACME.id })).ok;

async function legacySet(): Promise<PrivateSigningJwk[]> {
  // A set written before key states existed: no `status`, newest `iat` signs.
  return [{ ...(await generateSigningJwk()), iat: T0 - 10 }];
}

describe("staged key rotation across a rolling deploy", () => {
  it("publish → both sets verify each other's tokens; promote → the published set verifies the new signer", async () => {
    const set0 = await legacySet();
    const oldKid = set0[0]!.kid;
    const set1 = publishKey(set0, await generateSigningJwk(), T0);
    const newKid = set1[0]!.kid;
    const a = await importKeySet({ keys: set0 }); // instance A: old set
    const b = await importKeySet({ keys: set1 }); // instance B: new key published, verify-only

    expect(b.signing.kid).toBe(oldKid);
    expect(buildJwks(b).keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
    const fromA = await mintSession(a);
    const fromB = await mintSession(b);
    expect(await verifies(fromA, b)).toBe(true);
    expect(await verifies(fromB, a)).toBe(true);

    // Every instance now runs set1 (A included); the rollout of set2 starts with B.
    const set2 = promoteKey(set1, newKid, { now: T0 + TTL, jwksCacheTtlSeconds: TTL });
    const aOnSet1 = await importKeySet({ keys: set1 });
    const bOnSet2 = await importKeySet({ keys: set2 });
    expect(bOnSet2.signing.kid).toBe(newKid);
    const promoted = await mintSession(bOnSet2);
    const stillOld = await mintSession(aOnSet1);
    expect(await verifies(promoted, aOnSet1)).toBe(true);
    expect(await verifies(stillOld, bOnSet2)).toBe(true);
    // Why the publish stage exists: an instance still on set0 would reject the promoted key.
    expect(await verifies(promoted, a)).toBe(false);
  });

  it("retire after the session cap: the retired key's tokens stop verifying, the signer's keep working", async () => {
    const set1 = publishKey(await legacySet(), await generateSigningJwk(), T0);
    const [fresh, old] = [set1[0]!.kid, set1[1]!.kid];
    const set2 = promoteKey(set1, fresh, { now: T0 + TTL, jwksCacheTtlSeconds: TTL });
    const before = await importKeySet({
      keys: [...set2].map((k) =>
        k.kid === old ? { ...k, status: "signing" as const } : { ...k, status: "published" as const },
      ),
    });
    const oldToken = await mintSession(before);
    const set3 = retireKey(set2, old, { now: T0 + TTL + CAP, sessionCapSeconds: CAP });
    const after = await importKeySet({ keys: set3 });
    expect(set3.map((k) => k.kid)).toEqual([fresh]);
    expect(await verifies(oldToken, after)).toBe(false);
    expect(await verifies(await mintSession(after), after)).toBe(true);
  });
});

describe("refusals (each overridable with force unless stated)", () => {
  type Refusal = [
    name: string,
    run: (keys: PrivateSigningJwk[], newKid: string, oldKid: string, force: boolean) => unknown,
    code: string,
    forceable: boolean,
  ];
  const table: Refusal[] = [
    [
      "promote before the JWKS cache TTL",
      (k, n, _o, force) => promoteKey(k, n, { now: T0 + TTL - 1, jwksCacheTtlSeconds: TTL, force }),
      "key_too_new",
      true,
    ],
    [
      "promote a key that already signs",
      (k, _n, o, force) => promoteKey(k, o, { now: T0 + TTL, jwksCacheTtlSeconds: TTL, force }),
      "not_published",
      false,
    ],
    [
      "promote an unknown kid",
      (k, _n, _o, force) => promoteKey(k, "nope", { now: T0 + TTL, jwksCacheTtlSeconds: TTL, force }),
      "key_not_found",
      false,
    ],
    [
      "retire the signer",
      (k, _n, o, force) => retireKey(k, o, { now: T0 + CAP * 2, sessionCapSeconds: CAP, force }),
      "key_is_signer",
      true,
    ],
    [
      "retire an unknown kid",
      (k, _n, _o, force) => retireKey(k, "nope", { now: T0, sessionCapSeconds: CAP, force }),
      "key_not_found",
      false,
    ],
    [
      "retire a key that stopped signing less than the cap ago",
      (k, n, o, force) =>
        retireKey(promoteKey(k, n, { now: T0 + TTL, jwksCacheTtlSeconds: TTL }), o, {
          now: T0 + TTL + CAP - 1,
          sessionCapSeconds: CAP,
          force,
        }),
      "key_in_use",
      true,
    ],
  ];
  it.each(table)("%s → %s", async (_name, run, code, forceable) => {
    const keys = publishKey(await legacySet(), await generateSigningJwk(), T0);
    const [newKid, oldKid] = [keys[0]!.kid, keys[1]!.kid];
    expect(() => run(keys, newKid, oldKid, false)).toThrow(expect.objectContaining({ code }));
    if (forceable) expect(() => run(keys, newKid, oldKid, true)).not.toThrow();
    else expect(() => run(keys, newKid, oldKid, true)).toThrow(expect.objectContaining({ code }));
  });

  it("never removes the only key, even forced", async () => {
    const keys = await legacySet();
    expect(() => retireKey(keys, keys[0]!.kid, { now: T0, sessionCapSeconds: CAP, force: true })).toThrow(
      expect.objectContaining({ code: "last_key" }),
    );
  });

  it("a published key that never signed may be retired at once", async () => {
    const keys = publishKey(await legacySet(), await generateSigningJwk(), T0);
    expect(retireKey(keys, keys[0]!.kid, { now: T0, sessionCapSeconds: CAP })).toHaveLength(1);
  });

  it("forced retirement of the signer hands signing to the newest remaining key", async () => {
    const keys = publishKey(await legacySet(), await generateSigningJwk(), T0);
    const rest = retireKey(keys, keys[1]!.kid, { now: T0, sessionCapSeconds: CAP, force: true });
    expect((await importKeySet({ keys: rest })).signing.kid).toBe(keys[0]!.kid);
  });
});

describe("key set format", () => {
  it("sets without states keep the old meaning: newest signs, the others verify", async () => {
    const older = { ...(await generateSigningJwk()), iat: 1 };
    const newer = { ...(await generateSigningJwk()), iat: 2 };
    const keys = await importKeySet({ keys: [older, newer] });
    expect(keys.signing.kid).toBe(newer.kid);
    expect(describeKeys([older, newer]).map((k) => k.status)).toEqual(["signing", "retiring"]);
  });

  it("bookkeeping members never reach the JWKS", async () => {
    const keys = await importKeySet({ keys: publishKey(await legacySet(), await generateSigningJwk(), T0) });
    for (const jwk of buildJwks(keys).keys)
      expect(Object.keys(jwk).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
  });

  it.each([
    ["an unknown status", { status: "active" }, /status/],
    ["a non-numeric since", { since: "yesterday" }, /since/],
    ["a negative iat", { iat: -1 }, /iat/],
  ])("refuses %s", async (_name, patch, message) => {
    const key = { ...(await generateSigningJwk()), ...patch };
    await expect(importKeySet({ keys: [key] })).rejects.toThrow(message);
  });

  it("refuses a set where no key may sign", async () => {
    const key = { ...(await generateSigningJwk()), status: "published" };
    await expect(importKeySet({ keys: [key] })).rejects.toThrow(/no signing key/);
  });
});
