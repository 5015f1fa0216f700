import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/services",
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
