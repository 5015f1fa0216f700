// The signing/verification key set, imported once per process from AUTH_SIGNING_KEYS.
import { createKeySetCache, type KeySet } from "@repo/auth/token";
import { env } from "../../env";

const loadKeySet = createKeySetCache();

export function getOperatorKeySet(): Promise<KeySet> {
  return loadKeySet(env.AUTH_SIGNING_KEYS);
}
