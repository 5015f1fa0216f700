import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/oidc-dev-provider",
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
