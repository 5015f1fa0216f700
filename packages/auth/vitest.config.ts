import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/auth",
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
