import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/web",
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
