import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/db",
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Integration tests create real databases; CREATE DATABASE alone can take ~1 s on a busy 2-core box.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
