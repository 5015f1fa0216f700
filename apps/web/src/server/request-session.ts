// Request-scoped helpers for Server Components and Actions.
import { cache } from "react";
import { headers } from "next/headers";
import { readHost } from "./read-host";
import { resolveTenantFromHost } from "./tenant-auth-deps";

/** The tenant of this request's host (sign-in page), or null. */
export const getHostTenant = cache(async () => resolveTenantFromHost(readHost(await headers())));

/** The request's `Host` and `Origin`, for the Server Action CSRF check. */
export async function readRequestOrigin(): Promise<{ host: string | null; origin: string | null }> {
  const h = await headers();
  return { host: readHost(h), origin: h.get("origin") };
}
