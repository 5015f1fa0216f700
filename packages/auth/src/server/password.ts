// Password hashing for tenant users and operators. Node only (@node-rs/argon2 is a native addon).
// argon2id with OWASP-recommended parameters; `verify` compares in constant time inside argon2.
import { hash, verify } from "@node-rs/argon2";

// `Algorithm` is a const enum in the typings, which isolatedModules cannot inline: 2 = Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id (PHC string, salt included). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * True when `password` matches `passwordHash`. Never throws: a malformed hash is a mismatch.
 * Pass `null` for an unknown user: a dummy hash is verified so timing does not reveal
 * whether the account exists.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    if (!passwordHash) {
      await verify(await getDummyHash(), password);
      return false;
    }
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hash("dummy-password-for-timing-equalisation", OPTIONS);
  return dummyHash;
}
