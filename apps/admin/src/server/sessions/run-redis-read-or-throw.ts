// Redis reads for the console: a failure is a 503 with an actionable message, not a 500.
import { ApiError } from "@repo/api-errors";

export async function runRedisReadOrThrow<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    console.error("[admin] revocation store read failed", error);
    throw new ApiError("service_unavailable", "The revocation store (Redis) is not answering. Retry in a moment.");
  }
}
