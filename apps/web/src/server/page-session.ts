// Session guards for Server Components: auth's requireSession/requirePermission, turned into
// Next's navigation interrupts so a page never renders tenant data for the wrong person.
import { forbidden, notFound, redirect } from "next/navigation";
import type { Permission } from "@repo/auth/rbac";
import { PermissionDeniedError, SessionRequiredError, TenantNotFoundError } from "@repo/auth/server";
import { getSession, requirePermission, requireSession, type TenantSession } from "./tenant-session";

function interrupt(error: unknown): never {
  if (error instanceof SessionRequiredError) redirect("/signin");
  if (error instanceof PermissionDeniedError) forbidden();
  if (error instanceof TenantNotFoundError) notFound();
  throw error; // e.g. RevocationUnavailableError: fail closed, the error boundary explains
}

/** The signed-in session, or: sign-in redirect / 404 (unknown tenant). */
export async function requirePageSession(): Promise<TenantSession> {
  return requireSession().catch(interrupt);
}

/** Like `requirePageSession`, and renders the 403 page when `permission` is missing. */
export async function requirePagePermission(permission: Permission): Promise<TenantSession> {
  return requirePermission(permission).catch(interrupt);
}

/** The session when there is a valid one, else null (sign-in page). */
export async function getOptionalSession(): Promise<TenantSession | null> {
  return getSession().catch(() => null);
}
