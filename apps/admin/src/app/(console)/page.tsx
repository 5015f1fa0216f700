import Link from "next/link";
import { DailyActivityChart } from "@/components/daily-activity-chart";
import { PageHeader } from "@/components/page-header";
import { StatCard } from "@/components/stat-card";
import { StatusBadge } from "@/components/status-badge";
import { TENANT_STATUSES } from "@/schemas/tenant-schemas";
import { getDashboardStats } from "@/server/dashboard/get-dashboard-stats";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const stats = await getDashboardStats();
  return (
    <>
      <PageHeader title="Dashboard" description="Platform health at a glance." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          label="Tenants"
          value={stats.totalTenants}
          detail={
            <Link className="underline" href="/tenants">
              View all
            </Link>
          }
        />
        <StatCard
          label="Users"
          value={stats.users}
          detail={`across ${stats.sampledTenants} active/suspended tenants`}
        />
        <StatCard
          label="Active revocations"
          value={stats.activeRevocations}
          detail="session, user and tenant entries in Redis"
        />
        <StatCard
          label="Sign-ins today"
          value={stats.daily.at(-1)?.signIns ?? 0}
          detail={`${stats.daily.at(-1)?.revocations ?? 0} revocations today`}
        />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-[16rem_1fr]">
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 text-sm font-semibold">Tenants by status</h2>
          <ul className="space-y-2 text-sm">
            {TENANT_STATUSES.map((s) => (
              <li key={s} className="flex items-center justify-between">
                <Link href={`/tenants?status=${s}`}>
                  <StatusBadge status={s} />
                </Link>
                <span className="font-medium tabular-nums">{stats.tenantsByStatus[s] ?? 0}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 text-sm font-semibold">Sign-ins and revocations per day (last 14 days, UTC)</h2>
          <DailyActivityChart points={stats.daily} />
        </section>
      </div>
      {stats.unreachableTenants ? (
        <p className="mt-4 text-sm text-amber-800">
          {stats.unreachableTenants} tenant database(s) did not answer; their figures are missing.
        </p>
      ) : null}
    </>
  );
}
