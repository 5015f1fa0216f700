// Server start (instrumentation.ts): parse every variable this app and its packages read, so a
// bad deployment refuses to start with one line instead of failing (or 404ing every tenant) on
// the first request. Node only.
import { assertTenancyEnv } from "@repo/tenancy";
import { getEnv, isBuildPhase } from "@/env";
import { getKeySet, getSettings } from "@/server/web-root";

export async function checkStartupEnv(): Promise<void> {
  if (isBuildPhase()) return;
  try {
    getEnv();
    assertTenancyEnv();
    getSettings();
    await getKeySet();
  } catch (error) {
    // @repo/auth prints its own line before throwing; the others only throw.
    const printed =
      error instanceof Error &&
      (error.message.startsWith("Invalid environment variable") ||
        ("code" in error && error.code === "auth_config_invalid"));
    if (!printed) console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
