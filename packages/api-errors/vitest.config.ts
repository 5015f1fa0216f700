import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@repo/api-errors", include: ["test/**/*.test.ts"], environment: "node" },
});
