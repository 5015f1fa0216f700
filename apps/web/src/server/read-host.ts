// The request's host, read exactly as the gate reads it (runs in the proxy and on the server).
import { readRequestHost } from "@repo/auth/gate";
import { getSettings } from "@/server/web-root";

/** `Host`, or X-Forwarded-Host only when trusted — the host the tenant is taken from. */
export function readHost(requestHeaders: Headers): string | null {
  return readRequestHost(requestHeaders, getSettings().trustForwardedHost);
}
