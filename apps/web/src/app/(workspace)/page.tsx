import Link from "next/link";
import { can, PERMISSION_REGISTRY, type Permission } from "@repo/auth/rbac";
import { Badge } from "@/components/badge";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { requirePageSession } from "@/server/page-session";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requirePageSession();
  const shortcuts = [
    {
      href: "/projects",
      label: "Projects",
      text: "Browse and manage your team's projects.",
      permission: "projects:read",
    },
    {
      href: "/members",
      label: "Members",
      text: "See who is in the workspace and their roles.",
      permission: "members:read",
    },
    {
      href: "/settings",
      label: "Settings",
      text: "Organisation profile and workspace details.",
      permission: "tenant:manage",
    },
  ] as const satisfies readonly { href: string; label: string; text: string; permission: Permission }[];

  return (
    <>
      <PageHeader
        title={`Welcome back, ${session.user.name || session.user.email || "there"}`}
        description={`You are signed in to ${session.tenant.name}.`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Your account">
          <dl className="space-y-3 text-sm">
            <Detail label="Name" value={session.user.name || "—"} />
            <Detail label="Email" value={session.user.email ?? "—"} />
          </dl>
        </Card>
        <Card title="Workspace">
          <dl className="space-y-3 text-sm">
            <Detail label="Organisation" value={session.tenant.name} testId="dashboard-tenant-name" />
            <Detail label="Workspace ID" value={session.tenant.slug} />
          </dl>
        </Card>
        <Card title="Your roles">
          <ul className="flex flex-wrap gap-2" data-testid="dashboard-roles">
            {session.roles.length === 0 ? <li className="text-sm text-slate-500">No roles assigned</li> : null}
            {session.roles.map((role) => (
              <li key={role}>
                <Badge tone="indigo">{role}</Badge>
              </li>
            ))}
          </ul>
          <details className="group mt-4 text-sm">
            <summary className="cursor-pointer text-slate-500 hover:text-slate-800">
              {session.permissions.length} permissions
            </summary>
            <ul className="mt-2 space-y-1 text-slate-600">
              {session.permissions.map((permission) => (
                <li key={permission}>
                  <code className="text-xs text-slate-500">{permission}</code> — {PERMISSION_REGISTRY[permission]}
                </li>
              ))}
            </ul>
          </details>
        </Card>
      </div>
      <h2 className="mt-10 mb-4 text-sm font-semibold text-slate-900">Go to</h2>
      <div className="grid gap-6 sm:grid-cols-3">
        {shortcuts
          .filter((shortcut) => can(session, shortcut.permission))
          .map((shortcut) => (
            <Link
              key={shortcut.href}
              href={shortcut.href}
              className="group rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-indigo-300 hover:shadow"
            >
              <p className="font-semibold text-slate-900 group-hover:text-indigo-700">{shortcut.label} →</p>
              <p className="mt-1 text-sm text-slate-500">{shortcut.text}</p>
            </Link>
          ))}
      </div>
    </>
  );
}

function Detail({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 truncate text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
