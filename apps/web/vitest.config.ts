import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    name: "@repo/web",
    include: ["test/**/*.test.ts"],
    environment: "node",
    // next-auth imports `next/server` without an extension; inlining lets vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
  },
});
