import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/eslint-config",
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Each case group spawns ESLint (typescript-eslint loads in ~2 s per process).
    testTimeout: 60_000,
  },
});
