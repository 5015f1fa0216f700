// Pure parts of @repo/auth/identity: token format and hashing, input schemas (hostile inputs),
// invitation status, device labels.
import { describe, expect, it } from "vitest";
import {
  acceptInvitationSchema,
  createInvitationSchema,
  describeUserAgent,
  generateOneTimeToken,
  hashOneTimeToken,
  invitationStatus,
  isOneTimeTokenShape,
  resetPasswordSchema,
} from "@repo/auth/identity";

describe("one-time tokens", () => {
  it("are 256-bit base64url strings stored as their SHA-256, never twice the same", () => {
    const a = generateOneTimeToken();
    const b = generateOneTimeToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOneTimeToken(a.token)).toBe(a.tokenHash);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).not.toContain(a.token);
  });

  it.each(["", "short", `${"A".repeat(42)}=`, `${"A".repeat(42)}/`, "A".repeat(44), `../${"A".repeat(40)}`, 42, null])(
    "rejects %j",
    (value) => {
      expect(isOneTimeTokenShape(value)).toBe(false);
    },
  );
});

describe("input schemas", () => {
  const token = generateOneTimeToken().token;
  it("normalise the invitee's email and refuse unknown fields", () => {
    expect(createInvitationSchema.parse({ email: "  Ada@Example.TEST ", roles: ["member"] })).toEqual({
      email: "ada@example.test",
      roles: ["member"],
    });
    for (const bad of [
      { email: "ada@example.test", roles: ["member"], tenantId: "x" },
      { email: "ada@example.test", roles: ["Owner"] },
      { email: "ada@example.test", roles: [] },
      { email: "not an email", roles: ["member"] },
      { email: `${"a".repeat(250)}@example.test`, roles: ["member"] },
    ]) {
      expect(createInvitationSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
  });

  it("never take an email from the invitee, and need a strong new password", () => {
    expect(acceptInvitationSchema.safeParse({ token, password: "x", email: "evil@example.test" }).success).toBe(false);
    expect(acceptInvitationSchema.safeParse({ token, password: "x" }).success).toBe(true);
    expect(resetPasswordSchema.safeParse({ token, password: "eleven-char" }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ token, password: "twelve-chars" }).success).toBe(true);
    expect(resetPasswordSchema.safeParse({ token, password: "x".repeat(257) }).success).toBe(false);
  });
});

describe("invitation status", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  const future = new Date("2026-01-08T00:00:00Z");
  it.each([
    [{ acceptedAt: null, revokedAt: null, expiresAt: future }, "pending"],
    [{ acceptedAt: null, revokedAt: null, expiresAt: now }, "expired"],
    [{ acceptedAt: now, revokedAt: null, expiresAt: now }, "accepted"],
    [{ acceptedAt: null, revokedAt: now, expiresAt: future }, "revoked"],
  ] as const)("%o → %s", (row, status) => {
    expect(invitationStatus(row, now)).toBe(status);
  });
});

describe("device labels", () => {
  it.each([
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
      "Chrome on Linux",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
      "Safari on macOS",
    ],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0", "Firefox on Windows"],
    ["curl/8.5.0", "curl"],
    [null, "Unknown device"],
  ])("%s → %s", (ua, label) => {
    expect(describeUserAgent(ua)).toBe(label);
  });
});
