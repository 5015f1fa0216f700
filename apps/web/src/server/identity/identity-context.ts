// Binds @repo/auth/identity to this app: the tenant and link origin from the VERIFIED session or
// the validated Host's tenant record (never a client header), and the actor from the session.
import type { IdentityActor, IdentityTenant, LinkContext } from "@repo/auth/identity";
import { tenantOrigin } from "@repo/auth/identity";
import { getEnv } from "@/env";
import type { TenantSession } from "../tenant-session";
import { getIdentitySettings } from "@/server/web-root";

/** Links in mails point at `<slug>.<ROOT_DOMAIN>` of the tenant record. */
export function linkFor(tenant: { slug: string }): LinkContext {
  return { origin: tenantOrigin(tenant.slug, getEnv().ROOT_DOMAIN, getIdentitySettings().secureLinks) };
}

export function tenantOf(session: TenantSession): IdentityTenant {
  return { id: session.tenant.id, slug: session.tenant.slug, name: session.tenant.name };
}

export function actorOf(session: TenantSession): IdentityActor {
  return { kind: "member", userId: session.user.id, name: session.user.name, permissions: session.permissions };
}
