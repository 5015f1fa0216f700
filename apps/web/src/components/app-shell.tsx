import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/** The signed-in frame: tenant name, section navigation, current user and sign-out. */
export function AppShell({
  tenantName,
  userLabel,
  navItems,
  children,
}: {
  tenantName: string;
  userLabel: string;
  navItems: readonly NavItem[];
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 pt-4 sm:px-6">
          <Link href="/" className="flex min-w-0 items-center gap-2.5">
            <span
              aria-hidden
              className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-indigo-600 text-sm font-bold text-white"
            >
              {tenantName.slice(0, 1).toUpperCase()}
            </span>
            <span className="truncate text-base font-semibold text-slate-900" data-testid="tenant-name">
              {tenantName}
            </span>
          </Link>
          <div className="flex items-center gap-3">
            <span className="hidden truncate text-sm text-slate-500 sm:inline" data-testid="user-email">
              {userLabel}
            </span>
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-2 sm:px-4">
          <NavLinks items={navItems} />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
