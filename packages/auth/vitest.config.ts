import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@repo/auth",
    include: ["test/**/*.test.ts"],
    environment: "node",
    // next-auth imports `next/server` without an extension; inlining lets vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    typecheck: { enabled: false },
  },
});
