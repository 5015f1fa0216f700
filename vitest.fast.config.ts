import { defineConfig } from "vitest/config";

// `pnpm test:fast`: the same projects as vitest.config.ts, pure unit tests only (`*.test.ts`,
// never `*.integration.test.ts`), and no global setup — nothing starts Postgres or Redis.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "tooling/*"],
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
