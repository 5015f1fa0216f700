// The console's env is strict: ADMIN_ORIGIN and ROOT_DOMAIN have one accepted form each and no
// fallback in production; the error is one line naming the variable, the value and the form.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function load(env: Record<string, string>) {
  vi.stubEnv("UPSTASH_REDIS_REST_URL", "http://127.0.0.1:8079");
  vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "token");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { loadAdminEnv } = await import("@/env");
  return () => loadAdminEnv();
}

describe("admin env", { timeout: 30_000 }, () => {
  it.each([
    ["https://admin.example.com/", /ADMIN_ORIGIN="https:\/\/admin\.example\.com\/" \(expected an origin/],
    ["admin.example.com", /ADMIN_ORIGIN="admin\.example\.com" \(expected an origin/],
    ["https://admin.example.com/console", /ADMIN_ORIGIN=.*\(expected an origin/],
    ["ftp://admin.example.com", /ADMIN_ORIGIN=.*\(expected an origin/],
    ["https://Admin.example.com", /ADMIN_ORIGIN=.*\(expected an origin/],
  ])("refuses ADMIN_ORIGIN %j", async (value, message) => {
    const read = await load({ NODE_ENV: "development", ADMIN_ORIGIN: value });
    expect(read).toThrow(message);
    expect(read).toThrow(expect.objectContaining({ code: "env_invalid", message: expect.not.stringContaining("\n") }));
  });

  it("production has no fallback for ADMIN_ORIGIN or ROOT_DOMAIN", async () => {
    const read = await load({ NODE_ENV: "production", ADMIN_ORIGIN: "", ROOT_DOMAIN: "" });
    expect(read).toThrow(/ROOT_DOMAIN=unset \(expected .*\); ADMIN_ORIGIN=unset \(expected an origin/);
  });

  it("development falls back to the local defaults; valid values pass", async () => {
    expect((await load({ NODE_ENV: "development", ADMIN_ORIGIN: "", ROOT_DOMAIN: "" }))()).toMatchObject({
      ADMIN_ORIGIN: "http://localhost:3001",
      ROOT_DOMAIN: "localhost:3000",
    });
    vi.resetModules();
    expect(
      (await load({ NODE_ENV: "production", ADMIN_ORIGIN: "https://admin.example.com", ROOT_DOMAIN: "example.com" }))(),
    ).toMatchObject({
      ADMIN_ORIGIN: "https://admin.example.com",
    });
  });

  it("never prints the Upstash token", async () => {
    const read = await load({
      NODE_ENV: "production",
      UPSTASH_REDIS_REST_URL: "not a url",
      UPSTASH_REDIS_REST_TOKEN: "",
      ADMIN_ORIGIN: "https://a.example.com",
      ROOT_DOMAIN: "example.com",
    });
    expect(read).toThrow(/UPSTASH_REDIS_REST_URL=\(\d+ characters, not shown\).*UPSTASH_REDIS_REST_TOKEN=unset/);
  });
});
