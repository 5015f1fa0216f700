// Generates a new private signing JWK (used by `pnpm auth:keys` and dev auto-generation). Edge-safe.
import { exportJWK, generateKeyPair } from "jose";
import type { PrivateSigningJwk, SigningAlgorithm } from "./key-set";

function randomKid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const date = new Date().toISOString().slice(0, 10).replaceAll("-", "");
  return `${date}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** A fresh private JWK with `kid`, `alg`, `use` and `iat` (seconds; newest signs). */
export async function generateSigningJwk(alg: SigningAlgorithm = "ES256"): Promise<PrivateSigningJwk> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}),
  });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: randomKid(), alg, use: "sig", iat: Math.floor(Date.now() / 1000) } as PrivateSigningJwk;
}
