// Tenant detail: registry row + member/disabled/active-session counts from its database.
// Counts are best effort — a suspended tenant's DB is still readable; a broken one yields a note.
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { sessions, users } from "@repo/db/tenant";
import { getTenantOrThrow } from "./get-tenant-or-throw";
import { getTenantDbFor } from "./open-tenant-db-or-throw";
import type { TenantView } from "./tenant-view";

export type TenantDetail = TenantView & {
  memberCount: number | null;
  disabledCount: number | null;
  activeSessionCount: number | null;
  statsError: string | null;
};

export async function getTenantDetailOrThrow(slug: string): Promise<TenantDetail> {
  const tenant = await getTenantOrThrow(slug);
  if (tenant.status === "provisioning" || tenant.status === "deleting") {
    return {
      ...tenant,
      memberCount: null,
      disabledCount: null,
      activeSessionCount: null,
      statsError: `tenant is ${tenant.status}`,
    };
  }
  try {
    const db = getTenantDbFor(tenant);
    const [[members], [disabled], [active]] = await Promise.all([
      db.select({ n: count() }).from(users),
      db.select({ n: count() }).from(users).where(eq(users.disabled, true)),
      db
        .select({ n: count() })
        .from(sessions)
        .where(and(isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date()))),
    ]);
    return {
      ...tenant,
      memberCount: members?.n ?? 0,
      disabledCount: disabled?.n ?? 0,
      activeSessionCount: active?.n ?? 0,
      statsError: null,
    };
  } catch (error) {
    console.error("[admin] tenant stats failed", error);
    return {
      ...tenant,
      memberCount: null,
      disabledCount: null,
      activeSessionCount: null,
      statsError: "the tenant database did not answer",
    };
  }
}
