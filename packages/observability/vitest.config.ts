import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "@repo/observability", include: ["test/**/*.test.ts"], environment: "node" },
});
