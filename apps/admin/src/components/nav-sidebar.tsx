import Link from "next/link";
import { StatusBadge } from "./status-badge";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/tenants", label: "Tenants" },
  { href: "/audit", label: "Audit log" },
  { href: "/api-tokens", label: "API tokens" },
  { href: "/operators", label: "Operators" },
] as const;

export function NavSidebar({ email, role }: { email: string; role: string }) {
  return (
    <aside className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div className="px-5 py-4 text-lg font-semibold tracking-tight">Operator console</div>
      <nav className="flex-1 px-3">
        <ul className="space-y-1">
          {LINKS.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="block rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="border-t border-slate-200 px-5 py-4 text-sm">
        <div className="truncate font-medium" title={email}>
          {email}
        </div>
        <div className="mt-1 flex items-center justify-between">
          <StatusBadge status={role} />
          <Link href="/signout" className="text-slate-600 underline hover:text-slate-900">
            Sign out
          </Link>
        </div>
      </div>
    </aside>
  );
}
