// Route helper for `/.well-known/jwks.json`. Node (keys come from env / dev keys).
import { getSigningKeys } from "../settings/index";
import { createJwksResponse } from "../token/index";

/** `export const GET = () => jwksResponse()` in `app/.well-known/jwks.json/route.ts`. */
export async function jwksResponse(options: { maxAge?: number } = {}): Promise<Response> {
  return createJwksResponse(await getSigningKeys(), options);
}
