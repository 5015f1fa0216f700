// Revocation writes must not fail silently: a Redis error becomes a 503 telling the operator
// the change may not be enforced yet and to retry (every revocation write is idempotent).
import { ApiError } from "@repo/api-errors";

export async function runRedisWriteOrThrow(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    console.error("[admin] revocation store write failed", error);
    throw new ApiError(
      "service_unavailable",
      "The revocation store (Redis) did not accept the change. Retry in a moment.",
    );
  }
}
