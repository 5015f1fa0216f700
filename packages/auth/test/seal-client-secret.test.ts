// Client secrets at rest: AES-GCM with the tenant id as additional data.
import { describe, expect, it } from "vitest";
import { importSsoSecretKey, openClientSecret, sealClientSecret } from "@repo/auth/sso";

const keyA = "A".repeat(43);
const keyB = "B".repeat(43);

describe("sealClientSecret / openClientSecret", () => {
  it("round-trips and never stores the secret in clear", async () => {
    const key = await importSsoSecretKey(keyA);
    const sealed = await sealClientSecret("top-secret-value", key, "tenant-1");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("top-secret");
    expect(await openClientSecret(sealed, key, "tenant-1")).toBe("top-secret-value");
    expect(await sealClientSecret("top-secret-value", key, "tenant-1")).not.toBe(sealed); // fresh IV
  });

  it.each([
    [
      "another tenant's row",
      async (sealed: string) => openClientSecret(sealed, await importSsoSecretKey(keyA), "tenant-2"),
    ],
    ["another key", async (sealed: string) => openClientSecret(sealed, await importSsoSecretKey(keyB), "tenant-1")],
    [
      "a flipped byte",
      async (sealed: string) =>
        openClientSecret(
          `${sealed.slice(0, -2)}${sealed.endsWith("AA") ? "BB" : "AA"}`,
          await importSsoSecretKey(keyA),
          "tenant-1",
        ),
    ],
    ["an unknown format", async () => openClientSecret("plain-text", await importSsoSecretKey(keyA), "tenant-1")],
  ])("refuses %s with sso_secret_unreadable", async (_name, open) => {
    const sealed = await sealClientSecret("top-secret-value", await importSsoSecretKey(keyA), "tenant-1");
    await expect(open(sealed)).rejects.toMatchObject({ code: "sso_secret_unreadable" });
  });

  it("rejects a key that is not 32 bytes", async () => {
    await expect(importSsoSecretKey("short")).rejects.toMatchObject({ code: "sso_secret_unreadable" });
  });
});
