// Request-scoped helpers for Server Components and Actions.
import { cache } from "react";
import { headers } from "next/headers";
import { getSettings } from "./auth-runtime";
import { resolveTenantFromHost } from "./tenant-auth-deps";

/** The host this request was addressed to: `Host`, or X-Forwarded-Host only when trusted. */
export function readHost(requestHeaders: Headers): string | null {
  const forwarded = getSettings().trustForwardedHost ? requestHeaders.get("x-forwarded-host")?.split(",")[0]?.trim() : null;
  return forwarded || requestHeaders.get("host");
}

/** The tenant of this request's host (sign-in page), or null. */
export const getHostTenant = cache(async () => resolveTenantFromHost(readHost(await headers())));

/** The request's `Host` and `Origin`, for the Server Action CSRF check. */
export async function readRequestOrigin(): Promise<{ host: string | null; origin: string | null }> {
  const h = await headers();
  return { host: readHost(h), origin: h.get("origin") };
}
