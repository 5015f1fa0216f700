// Tenant list for the console and GET /api/v1/tenants: search (slug/name), status filter,
// page-number pagination (the registry is small enough that OFFSET is fine; the audit log,
// which grows without bound, uses a cursor instead).
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { tenants } from "@repo/db/control-plane";
import type { ListTenantsQuery } from "../../schemas/tenant-schemas";
import { getControlPlane } from "../control-plane";
import { toTenantView, type TenantView } from "./tenant-view";
import { escapeLike } from "../search/escape-like";

export async function searchTenants(
  query: ListTenantsQuery,
): Promise<{ tenants: TenantView[]; total: number; page: number; pageSize: number }> {
  const filters: SQL[] = [];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(tenants.slug, like), ilike(tenants.name, like))!);
  }
  if (query.status) filters.push(eq(tenants.status, query.status));
  const where = filters.length ? and(...filters) : undefined;
  const db = getControlPlane();
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(tenants)
      .where(where)
      .orderBy(asc(tenants.slug))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(tenants).where(where),
  ]);
  return { tenants: rows.map(toTenantView), total: totalRow?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
