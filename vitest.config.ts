import { defineConfig } from "vitest/config";

// One vitest run for the whole monorepo: each workspace is a project with its own
// vitest.config.ts; the global setup starts (or reuses) real Postgres, Redis and the
// Upstash-REST bridge once, and tears down what it started.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "tooling/*"],
    globalSetup: ["./tooling/services/src/vitest-global-setup.ts"],
    // Integration tests share real services; keep the 2-core machine from thrashing.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
