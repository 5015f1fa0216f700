import { jwksResponse } from "@repo/auth/server";

export const dynamic = "force-dynamic";

/** Public verification keys (every active key, newest first) so any service can verify offline. */
export function GET(): Promise<Response> {
  return jwksResponse();
}
