// Guard for Server Actions: same-origin check (cross-subdomain CSRF), then auth's
// requirePermission. Returns a result instead of throwing so forms can show the message inline.
import type { Permission } from "@repo/auth/rbac";
import { AuthRequestError } from "@repo/auth/server";
import { isSameOriginRequest } from "./origin-check";
import { readRequestOrigin } from "./request-session";
import { requirePermission, type TenantSession } from "./tenant-session";

export type ActionAuthorization = { ok: true; session: TenantSession } | { ok: false; message: string };

const MESSAGES: Record<string, string> = {
  unauthenticated: "Your session has ended. Sign in again to continue.",
  forbidden: "You don't have permission to do that. Ask an owner or admin for access.",
  service_unavailable: "We can't verify your session right now. Try again in a moment.",
  tenant_not_found: "This workspace no longer exists.",
};

export async function authorizeAction(permission: Permission): Promise<ActionAuthorization> {
  const { host, origin } = await readRequestOrigin();
  if (!isSameOriginRequest({ method: "POST", origin, host })) {
    return { ok: false, message: "This request did not come from this workspace, so it was refused." };
  }
  try {
    return { ok: true, session: await requirePermission(permission) };
  } catch (error) {
    if (error instanceof AuthRequestError) return { ok: false, message: MESSAGES[error.code] ?? error.message };
    throw error;
  }
}
