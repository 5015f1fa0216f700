// Runs an admin CLI body: prints a failure as one line (an API-style error's message, or the
// database's own reason), closes the tenancy pools, and sets the exit code (0 ok, 1 failed,
// 2 bad usage).
import { describeError } from "./describe-error";
import { closeAdminRoot } from "../src/server/admin-root";

export async function runCli(usage: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const isUsageError =
      error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
    console.error(isUsageError ? `${error.message}\n${usage}` : `error: ${describeError(error)}`);
    process.exitCode = isUsageError ? 2 : 1;
  } finally {
    await closeAdminRoot();
  }
}
