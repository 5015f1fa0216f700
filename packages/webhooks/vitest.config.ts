import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/webhooks",
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Integration tests create real databases and start worker processes on a busy 2-core box.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
