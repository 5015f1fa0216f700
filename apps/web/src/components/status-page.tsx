import Link from "next/link";
import type { ReactNode } from "react";

/**
 * Full-page message for 403 / 404 / suspended / errors: says what happened and what to do.
 * Rendered outside the signed-in shell so it works for every visitor.
 */
export function StatusPage({
  code,
  title,
  children,
  action,
}: {
  code: string;
  title: string;
  children: ReactNode;
  action?: { href: string; label: string } | ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-6 py-16">
      <div className="w-full max-w-md text-center">
        <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase">{code}</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <div className="mt-4 text-base leading-7 text-slate-600">{children}</div>
        {action ? (
          <div className="mt-8 flex justify-center">
            {isLinkAction(action) ? (
              <Link
                href={action.href}
                className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
              >
                {action.label}
              </Link>
            ) : (
              action
            )}
          </div>
        ) : null}
      </div>
    </main>
  );
}

function isLinkAction(value: unknown): value is { href: string; label: string } {
  return typeof value === "object" && value !== null && "href" in value && "label" in value;
}
