import type { ReactNode } from "react";
import { can } from "@repo/auth/rbac";
import { AppShell } from "@/components/app-shell";
import type { NavItem } from "@/components/nav-links";
import { requirePageSession } from "@/server/page-session";

// Every page in this group is per-user and per-tenant: never prerender or cache it.
export const dynamic = "force-dynamic";

/** The signed-in frame. Navigation only lists sections the user may open (the server checks anyway). */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const session = await requirePageSession();
  const navItems: NavItem[] = [{ href: "/", label: "Dashboard" }];
  if (can(session, "projects:read")) navItems.push({ href: "/projects", label: "Projects" });
  if (can(session, "members:read")) navItems.push({ href: "/members", label: "Members" });
  if (can(session, "tenant:manage")) navItems.push({ href: "/settings", label: "Settings" });
  navItems.push({ href: "/account", label: "Account" });
  return (
    <AppShell
      tenantName={session.tenant.name}
      userLabel={session.user.email ?? session.user.name ?? ""}
      navItems={navItems}
    >
      {children}
    </AppShell>
  );
}
