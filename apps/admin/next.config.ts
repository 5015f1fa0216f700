import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A self-contained server (`.next/standalone/apps/<app>/server.js` + only the node_modules it
  // uses) for `pnpm start` and the Docker images; traced from the repo root (workspace packages).
  output: "standalone",
  outputFileTracingRoot: fileURLToPath(new URL("../..", import.meta.url)),
  // Provisioning migrates new tenant databases from the SQL files at run time: ship them.
  outputFileTracingIncludes: { "/**": ["../../packages/db/migrations/**/*"] },
  // Workspace packages ship TypeScript source; Next compiles them.
  transpilePackages: ["@repo/api-errors", "@repo/auth", "@repo/db", "@repo/observability", "@repo/tenancy"],
  serverExternalPackages: ["@node-rs/argon2", "postgres"],
  poweredByHeader: false,
};

export default nextConfig;
