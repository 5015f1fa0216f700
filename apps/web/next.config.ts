import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them.
  transpilePackages: ["@repo/auth", "@repo/db", "@repo/tenancy"],
  serverExternalPackages: ["@node-rs/argon2", "postgres"],
  poweredByHeader: false,
};

export default nextConfig;
