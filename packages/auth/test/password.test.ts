import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@repo/auth/server";

describe("password hashing", () => {
  it("hashes with argon2id and verifies", async () => {
    const h = await hashPassword("demo-password-1");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(h, "demo-password-1")).toBe(true);
    expect(await verifyPassword(h, "wrong")).toBe(false);
  });
  it("never throws on a malformed or missing hash", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
    expect(await verifyPassword(null, "x")).toBe(false);
  });
});
