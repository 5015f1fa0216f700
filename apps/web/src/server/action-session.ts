// Guard for Server Actions: same-origin check (cross-subdomain CSRF), session, permission.
// Returns a result instead of throwing so forms can show the message inline.
import { can, type Permission } from "@repo/auth/rbac";
import { isSameOriginRequest } from "./origin-check";
import { readRequestOrigin, readTenantSession } from "./request-session";
import type { TenantSession } from "./tenant-session";

export type ActionAuthorization = { ok: true; session: TenantSession } | { ok: false; message: string };

export async function authorizeAction(permission: Permission): Promise<ActionAuthorization> {
  const { host, origin } = await readRequestOrigin();
  if (!isSameOriginRequest({ method: "POST", origin, host })) {
    return { ok: false, message: "This request did not come from this workspace, so it was refused." };
  }
  const result = await readTenantSession();
  if (!result.ok) {
    return {
      ok: false,
      message:
        result.failure === "unavailable"
          ? "We can't verify your session right now. Try again in a moment."
          : "Your session has ended. Sign in again to continue.",
    };
  }
  if (!can(result.session, permission)) {
    return { ok: false, message: "You don't have permission to do that. Ask an owner or admin for access." };
  }
  return { ok: true, session: result.session };
}
