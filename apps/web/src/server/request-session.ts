// `verifyTenantSession` bound to the current Next request (Server Components and Actions),
// cached so a page and its layout verify once per request.
import { cache } from "react";
import { headers } from "next/headers";
import type { Tenant } from "@repo/tenancy";
import { readHost, resolveHostTenant, verifyTenantSession, type SessionResult } from "./tenant-session";

export const readTenantSession = cache(async (): Promise<SessionResult> => verifyTenantSession(await headers()));

/** The tenant of this request's host (sign-in page), or null. */
export const getHostTenant = cache(async (): Promise<Tenant | null> => resolveHostTenant(readHost(await headers())));

/** The request's `Host` and `Origin`, for the Server Action CSRF check. */
export async function readRequestOrigin(): Promise<{ host: string | null; origin: string | null }> {
  const h = await headers();
  return { host: readHost(h), origin: h.get("origin") };
}
