import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/worker",
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
