import type { ReactNode } from "react";
import { NavSidebar } from "@/components/nav-sidebar";
import { requirePageOperator } from "@/server/auth/require-page-operator";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const operator = await requirePageOperator();
  return (
    <div className="flex min-h-screen">
      <NavSidebar email={operator.email} role={operator.role} />
      <main className="min-w-0 flex-1 px-8 py-6">
        {!operator.canWrite ? (
          <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Read-only access: your operator role is <strong>{operator.role}</strong>. Changes are disabled.
          </p>
        ) : null}
        {children}
      </main>
    </div>
  );
}
