import { defineConfig } from "drizzle-kit";

// Tenant history: applied to every tenant database by @repo/tenancy.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/tenant/schema.ts",
  out: process.env.DRIZZLE_OUT_DIR ?? "./migrations/tenant",
  strict: true,
  verbose: false,
});
