import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/admin",
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
