// Env is validated strictly and at server start (instrumentation.ts → checkStartupEnv): production
// refuses to start with one line naming the variable, the value received and the expected form.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

async function startServer(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  const exit = vi.spyOn(process, "exit").mockImplementation(((code: number) => {
    throw new Error(`exit ${code}`);
  }) as never);
  const { checkStartupEnv } = await import("@/server/check-startup-env");
  const outcome = await checkStartupEnv().then(
    () => "started",
    (error: Error) => error.message,
  );
  return { outcome, lines, exit };
}

const production = {
  NODE_ENV: "production",
  NEXT_PHASE: "",
  DATABASE_URL: "postgres://127.0.0.1:1/control",
  AUTH_SIGNING_KEYS: "",
  UPSTASH_REDIS_REST_URL: "http://127.0.0.1:1",
  UPSTASH_REDIS_REST_TOKEN: "token",
  TENANT_DB_ROLE_SECRET: "a-test-secret-of-at-least-32-characters",
};

describe("web env at startup", { timeout: 60_000 }, () => {
  it.each([
    ["empty ROOT_DOMAIN in production", "", /ROOT_DOMAIN=unset \(expected .*example\.com/],
    ["a URL as ROOT_DOMAIN", "https://example.com/", /ROOT_DOMAIN="https:\/\/example\.com\/" \(expected .*host:port/],
    ["a trailing dot", "example.com.", /ROOT_DOMAIN="example\.com\." \(expected/],
    ["upper case", "Example.com", /ROOT_DOMAIN="Example\.com" \(expected/],
  ])("%s → exit 1 with one line", async (_name, rootDomain, line) => {
    const { outcome, lines } = await startServer({ ...production, ROOT_DOMAIN: rootDomain });
    expect(outcome).toBe("exit 1");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(lines[0]).not.toContain("\n");
  });

  it("development without ROOT_DOMAIN uses localhost:3000; a bad one is refused there too", async () => {
    const { getEnv } = await import("@/env");
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("ROOT_DOMAIN", "");
    expect(getEnv().ROOT_DOMAIN).toBe("localhost:3000");
    vi.resetModules();
    vi.stubEnv("ROOT_DOMAIN", "http://localhost:3000");
    const fresh = await import("@/env");
    expect(() => fresh.getEnv()).toThrow(expect.objectContaining({ code: "env_invalid" }));
  });

  it("production without signing keys refuses to start (one line), not at the first request", async () => {
    const { outcome, lines } = await startServer({ ...production, ROOT_DOMAIN: "example.com" });
    expect(outcome).toBe("exit 1");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("AUTH_SIGNING_KEYS");
  });

  it("a bad tenancy variable is named too", async () => {
    const { outcome, lines } = await startServer({
      ...production,
      ROOT_DOMAIN: "example.com",
      DATABASE_URL: "mysql://x/y",
    });
    expect(outcome).toBe("exit 1");
    expect(lines).toEqual([
      expect.stringMatching(/DATABASE_URL=\(\d+ characters, not shown\) \(expected a postgres:\/\/ URL\)/),
    ]);
  });

  it("production without TENANT_DB_ROLE_SECRET refuses to start", async () => {
    const { outcome, lines } = await startServer({
      ...production,
      ROOT_DOMAIN: "example.com",
      TENANT_DB_ROLE_SECRET: "",
    });
    expect(outcome).toBe("exit 1");
    expect(lines).toEqual([expect.stringMatching(/TENANT_DB_ROLE_SECRET=unset \(expected a random secret/)]);
  });

  it("next build (NEXT_PHASE) skips the check", async () => {
    const { outcome, exit } = await startServer({
      ...production,
      ROOT_DOMAIN: "",
      NEXT_PHASE: "phase-production-build",
    });
    expect(outcome).toBe("started");
    expect(exit).not.toHaveBeenCalled();
  });
});
