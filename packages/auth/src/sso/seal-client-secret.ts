// Encrypts IdP client secrets at rest (AES-256-GCM, Web Crypto). The sealed form is
// `v1.<iv>.<ciphertext+tag>` (base64url); the tenant id is bound as additional data, so a
// sealed secret copied into another tenant's row does not decrypt there.

export class SsoSecretError extends Error {
  readonly code = "sso_secret_unreadable";
  constructor(message: string) {
    super(message);
    this.name = "SsoSecretError";
  }
}

const encoder = new TextEncoder();

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Imports a 32-byte key given as base64url (the `SSO_SECRET_KEY` format). */
export async function importSsoSecretKey(base64url: string): Promise<CryptoKey> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64Url(base64url);
  } catch {
    raw = new Uint8Array(0);
  }
  if (raw.length !== 32) throw new SsoSecretError("SSO_SECRET_KEY must be 32 bytes, base64url-encoded");
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function sealClientSecret(secret: string, key: CryptoKey, tenantId: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(tenantId) },
    key,
    encoder.encode(secret),
  );
  return `v1.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

/** Throws `SsoSecretError` when the value was sealed with another key or for another tenant. */
export async function openClientSecret(sealed: string, key: CryptoKey, tenantId: string): Promise<string> {
  const [version, iv, data] = sealed.split(".");
  if (version !== "v1" || !iv || !data) throw new SsoSecretError("The stored client secret has an unknown format");
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64Url(iv), additionalData: encoder.encode(tenantId) },
      key,
      fromBase64Url(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new SsoSecretError(
      "The stored client secret cannot be decrypted with SSO_SECRET_KEY; save the connection's secret again",
    );
  }
}
