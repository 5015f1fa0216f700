import { createJwksResponse } from "@repo/auth/token";
import { getKeySet } from "@/server/auth-runtime";

export const dynamic = "force-dynamic";

/** Public verification keys (every active key, newest first) so any service can verify offline. */
export async function GET(): Promise<Response> {
  return createJwksResponse(await getKeySet());
}
