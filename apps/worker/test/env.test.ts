// The worker refuses bad settings with one line naming them, and private URLs stay off unless
// explicitly allowed.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

beforeEach(() => {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", "postgres://user@127.0.0.1:5432/control_plane");
});
afterEach(() => vi.unstubAllEnvs());

const load = async () => (await import("../src/env")).loadWorkerEnv();

describe("loadWorkerEnv", () => {
  it("defaults to production-safe settings", async () => {
    const env = await load();
    expect(env.WEBHOOK_ALLOW_PRIVATE_URLS).toBe(false);
    expect(env.WEBHOOK_MAX_ATTEMPTS).toBe(14);
  });

  it("allows private URLs only for the exact value true", async () => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_URLS", "true");
    expect((await load()).WEBHOOK_ALLOW_PRIVATE_URLS).toBe(true);
  });

  it.each([
    ["WEBHOOK_ALLOW_PRIVATE_URLS", "yes"],
    ["WEBHOOK_ALLOW_PRIVATE_URLS", "1"],
    ["WEBHOOK_WORKER_CONCURRENCY", "0"],
    ["WEBHOOK_REQUEST_TIMEOUT_MS", "ten"],
    ["WEBHOOK_MAX_ATTEMPTS", "-3"],
    ["DATABASE_URL", "mysql://x/y"],
  ])("refuses %s=%s, naming it", async (name, value) => {
    vi.stubEnv(name, value);
    await expect(load()).rejects.toThrow(name);
  });
});
