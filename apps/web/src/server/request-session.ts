// Request-scoped helpers for Server Components and Actions.
import { cache } from "react";
import { headers } from "next/headers";
import { readHost } from "./read-host";
import { resolveTenantFromHost } from "./tenant-auth-deps";
import { getSettings } from "@/server/web-root";

/** The tenant of this request's host (sign-in page), or null. */
export const getHostTenant = cache(async () => resolveTenantFromHost(readHost(await headers())));

/** The request's `Host` and `Origin`, for the Server Action CSRF check. */
export async function readRequestOrigin(): Promise<{ host: string | null; origin: string | null }> {
  const h = await headers();
  return { host: readHost(h), origin: h.get("origin") };
}

/** This request's own origin (`http(s)://<tenant host>`), what post-sign-in destinations resolve against. */
export async function readAppOrigin(): Promise<string> {
  const host = readHost(await headers()) ?? "invalid.localhost";
  return `${getSettings().secureCookies ? "https" : "http"}://${host}`;
}
