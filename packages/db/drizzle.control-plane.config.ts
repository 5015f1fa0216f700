import { defineConfig } from "drizzle-kit";

// Control-plane history. `generate`/`check` need no database connection.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/control-plane/schema.ts",
  out: process.env.DRIZZLE_OUT_DIR ?? "./migrations/control-plane",
  strict: true,
  verbose: false,
});
