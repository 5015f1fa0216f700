import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them.
  transpilePackages: ["@repo/auth", "@repo/db", "@repo/tenancy"],
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
