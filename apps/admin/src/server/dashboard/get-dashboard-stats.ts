// Dashboard figures. Control-plane numbers are exact; per-tenant numbers (users, sign-ins,
// revocations) fan out over at most FAN_OUT_LIMIT tenants with bounded concurrency, and say so
// when truncated — a dashboard must not open thousands of pools.
import { and, count, gte, inArray, sql } from "drizzle-orm";
import { auditLog, tenants } from "@repo/db/control-plane";
import type { DailyActivityPoint } from "../../components/daily-activity-chart";
import { getControlPlane } from "../control-plane";
import { getTenantDbFor } from "../tenants/open-tenant-db-or-throw";
import { toTenantView } from "../tenants/tenant-view";
import { countTenantActivity } from "./count-tenant-activity";
import { mapWithConcurrency } from "./map-with-concurrency";
import { getRevocationStore } from "@/server/admin-root";

const FAN_OUT_LIMIT = 200;
const DAYS = 14;
const REVOCATION_ACTIONS = ["revocation.create", "tenant.suspend", "tenant.delete"] as const;

export type DashboardStats = {
  tenantsByStatus: Record<string, number>;
  totalTenants: number;
  users: number;
  activeRevocations: number;
  daily: DailyActivityPoint[];
  sampledTenants: number;
  unreachableTenants: number;
};

export async function getDashboardStats(now = new Date()): Promise<DashboardStats> {
  const db = getControlPlane();
  const since = startOfUtcDay(new Date(now.getTime() - (DAYS - 1) * 86_400_000));
  const days = Array.from({ length: DAYS }, (_, i) =>
    new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10),
  );

  const [statusRows, tenantRows, revocationDays, operatorSignInDays] = await Promise.all([
    db.select({ status: tenants.status, n: count() }).from(tenants).groupBy(tenants.status),
    db
      .select()
      .from(tenants)
      .where(inArray(tenants.status, ["active", "suspended"]))
      .orderBy(tenants.slug)
      .limit(FAN_OUT_LIMIT),
    countAuditPerDay(
      since,
      sql`(${auditLog.action} in (${sql.join(
        REVOCATION_ACTIONS.map((a) => sql`${a}`),
        sql`, `,
      )}) or (${auditLog.action} = 'member.update' and ${auditLog.metadata}->>'disabled' = 'true'))`,
    ),
    countAuditPerDay(since, sql`${auditLog.action} = 'operator.sign_in'`),
  ]);

  const store = getRevocationStore();
  let unreachable = 0;
  const perTenant = await mapWithConcurrency(tenantRows, 4, async (row) => {
    const tenant = toTenantView(row);
    try {
      const [activity, revocations] = await Promise.all([
        countTenantActivity(getTenantDbFor(tenant), since),
        store.listRevocations(tenant.id),
      ]);
      return { ...activity, revocations: revocations.filter((r) => r.type !== "stale").length };
    } catch {
      unreachable++;
      return { users: 0, signInsByDay: new Map<string, number>(), revocations: 0 };
    }
  });

  const tenantsByStatus: Record<string, number> = {};
  for (const r of statusRows) tenantsByStatus[r.status] = r.n;
  const daily = days.map((day) => ({
    day,
    signIns: perTenant.reduce((sum, t) => sum + (t.signInsByDay.get(day) ?? 0), 0) + (operatorSignInDays.get(day) ?? 0),
    revocations: revocationDays.get(day) ?? 0,
  }));
  return {
    tenantsByStatus,
    totalTenants: statusRows.reduce((s, r) => s + r.n, 0),
    users: perTenant.reduce((s, t) => s + t.users, 0),
    activeRevocations: perTenant.reduce((s, t) => s + t.revocations, 0),
    daily,
    sampledTenants: tenantRows.length,
    unreachableTenants: unreachable,
  };
}

async function countAuditPerDay(since: Date, condition: ReturnType<typeof sql>): Promise<Map<string, number>> {
  const day = sql<string>`to_char(date_trunc('day', ${auditLog.at} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const rows = await getControlPlane()
    .select({ day, n: count() })
    .from(auditLog)
    .where(
      and(gte(auditLog.at, since), condition, sql`coalesce(${auditLog.metadata}->>'outcome', 'success') = 'success'`),
    )
    .groupBy(day);
  return new Map(rows.map((r) => [r.day, r.n]));
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
