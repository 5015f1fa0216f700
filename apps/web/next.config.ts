import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A self-contained server (`.next/standalone/apps/<app>/server.js` + only the node_modules it
  // uses) for `pnpm start` and the Docker images; traced from the repo root (workspace packages).
  output: "standalone",
  outputFileTracingRoot: fileURLToPath(new URL("../..", import.meta.url)),
  // Workspace packages ship TypeScript source; Next compiles them.
  transpilePackages: ["@repo/api-errors", "@repo/auth", "@repo/db", "@repo/observability", "@repo/tenancy"],
  serverExternalPackages: ["@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  // `forbidden()` renders app/forbidden.tsx with a real 403 status (403 page, suspended page).
  experimental: {
    authInterrupts: true,
    // Server Action bodies (the project form) are as small as the JSON API's: 64 KiB.
    serverActions: { bodySizeLimit: "64kb" },
  },
};

export default nextConfig;
