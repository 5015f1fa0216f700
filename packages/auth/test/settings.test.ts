import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe("signing keys resolution", () => {
  it("production without AUTH_SIGNING_KEYS: importing is safe (next build), the first use refuses with one line", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("CI", "");
    vi.stubEnv("AUTH_SIGNING_KEYS", "");
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    const settings = await import("@repo/auth/settings");
    await import("@repo/auth/server"); // importing never resolves keys
    await expect(settings.getSigningKeys()).rejects.toMatchObject({
      code: "auth_config_invalid",
      message: expect.stringContaining("AUTH_SIGNING_KEYS"),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toContain("\n");
  });

  it("uses AUTH_SIGNING_KEYS when set, newest key signing", async () => {
    const { generateSigningJwk } = await import("@repo/auth/token");
    const old = { ...(await generateSigningJwk()), iat: 1 };
    const fresh = { ...(await generateSigningJwk("EdDSA")), iat: 2 };
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SIGNING_KEYS", JSON.stringify({ keys: [old, fresh] }));
    const { getSigningKeys } = await import("@repo/auth/settings");
    const keys = await getSigningKeys();
    expect(keys.signing.kid).toBe(fresh.kid);
    expect([...keys.verifying.keys()].sort()).toEqual([old.kid, fresh.kid].sort());
  });

  it("rejects a malformed key set with a clear message", async () => {
    vi.stubEnv("AUTH_SIGNING_KEYS", '{"keys":[{"kty":"EC","kid":"a","alg":"ES256"}]}');
    const { getSigningKeys } = await import("@repo/auth/settings");
    await expect(getSigningKeys()).rejects.toThrow(/not a private key/);
  });
});
