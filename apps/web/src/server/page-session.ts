// Session guards for Server Components. They throw Next's navigation interrupts, so a page
// that calls them never renders tenant data for the wrong person.
import { forbidden, notFound, redirect } from "next/navigation";
import { can, type Permission } from "@repo/auth/rbac";
import { readTenantSession } from "./request-session";
import type { TenantSession } from "./tenant-session";

/** The signed-in session, or: sign-in redirect / 404 (unknown tenant) / 403 (suspended). */
export async function requirePageSession(): Promise<TenantSession> {
  const result = await readTenantSession();
  if (result.ok) return result.session;
  if (result.failure === "tenant_not_found") notFound();
  if (result.failure === "tenant_suspended") forbidden();
  if (result.failure === "unavailable") {
    throw new Error("Session store unavailable: refusing to render tenant data (fail closed).");
  }
  redirect("/signin");
}

/** Like `requirePageSession`, and renders the 403 page when `permission` is missing. */
export async function requirePagePermission(permission: Permission): Promise<TenantSession> {
  const session = await requirePageSession();
  if (!can(session, permission)) forbidden();
  return session;
}

/** The session when there is a valid one, else null (sign-in page). */
export async function getOptionalSession(): Promise<TenantSession | null> {
  const result = await readTenantSession();
  return result.ok ? result.session : null;
}
