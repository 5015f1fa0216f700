import type { ReactNode } from "react";

/** The centred frame of the pages people see before they are signed in (invite, reset). */
export function PublicPanel({
  tenantName,
  title,
  children,
}: {
  tenantName: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span className="mx-auto flex size-12 items-center justify-center rounded-xl bg-indigo-600 text-lg font-bold text-white">
            {tenantName.slice(0, 1).toUpperCase()}
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        </div>
        <div className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
