import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/tenancy",
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
