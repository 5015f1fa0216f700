import { describeEnvIssues, isValidRootDomain } from "@repo/tenancy/host";
import { describe, expect, it } from "vitest";

describe("isValidRootDomain (adversarial)", () => {
  it.each<[string, boolean]>([
    ["example.com", true],
    ["app.example.co.uk", true],
    ["localhost:3000", true],
    ["localhost", true],
    ["my-saas.example", true],
    ["example.com:65535", true],
    ["", false],
    [" ", false],
    ["https://example.com/", false],
    ["https://example.com", false],
    ["example.com/", false],
    ["example.com/app", false],
    ["example.com.", false],
    [".example.com", false],
    ["EXAMPLE.com", false],
    ["*.example.com", false],
    ["example..com", false],
    ["-example.com", false],
    ["example-.com", false],
    ["exa mple.com", false],
    ["example.com ", false],
    ["example.com:0", false],
    ["example.com:65536", false],
    ["example.com:03000", false],
    ["example.com:", false],
    ["example.com:3000:1", false],
    ["user@example.com", false],
    ["127.0.0.1", false],
    ["127.0.0.1:3000", false],
    ["[::1]:3000", false],
    ["xn--nxasmq6b.com", true],
    [`${"a".repeat(64)}.com`, false],
    [`${"a.".repeat(130)}com`, false],
  ])("%j → %s", (value, ok) => expect(isValidRootDomain(value)).toBe(ok));
});

describe("describeEnvIssues", () => {
  it("names the variable, the value received and the expected form, on one line", () => {
    const line = describeEnvIssues([{ path: ["ROOT_DOMAIN"], message: "expected example.com" }], {
      ROOT_DOMAIN: "https://example.com/",
    });
    expect(line).toBe('ROOT_DOMAIN="https://example.com/" (expected example.com)');
  });

  it.each([
    ["UPSTASH_REDIS_REST_TOKEN", "s3cret-token-value"],
    ["DATABASE_URL", "postgres://postgres:hunter2@db/x"],
    ["AUTH_SIGNING_KEYS", '{"keys":[{"d":"private"}]}'],
    ["AUTH_SECRET", "0123456789abcdef0123"],
  ])("never prints the value of %s", (name, value) => {
    const line = describeEnvIssues([{ path: [name], message: "expected something" }], { [name]: value });
    expect(line).not.toContain(value);
    expect(line).toContain(name);
  });

  it("says unset for a missing variable and keeps one entry per variable", () => {
    const issues = [
      { path: ["ROOT_DOMAIN"], message: "expected a" },
      { path: ["ROOT_DOMAIN"], message: "expected b" },
    ];
    expect(describeEnvIssues(issues, {})).toBe("ROOT_DOMAIN=unset (expected a)");
  });
});
