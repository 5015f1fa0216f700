import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/db",
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
