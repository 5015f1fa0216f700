// Tenant lookups with a short TTL cache (slug → tenant, id → tenant). Invalidated explicitly
// by this process on every status change it makes; other processes converge within the TTL.
import { tenants, type ControlPlaneDb, type TenantRow, type TenantStatus } from "@repo/db/control-plane";
import { asc, eq, inArray } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { isValidSlug } from "../host/validate-slug";
import { type Tenant } from "../types";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    serverName: row.serverName,
    databaseName: row.databaseName,
    createdAt: row.createdAt,
  };
}

export type ListTenantsOptions = { status?: TenantStatus | readonly TenantStatus[]; limit?: number; offset?: number };

type CacheSlot = { tenant: Tenant | null };

export class TenantRegistry {
  private readonly bySlug: LRUCache<string, CacheSlot> | null;
  private readonly byId: LRUCache<string, CacheSlot> | null;

  constructor(
    private readonly db: ControlPlaneDb,
    ttlMs: number,
  ) {
    // Unknown slugs are cached too (as null): random subdomains must not hammer the database.
    this.bySlug = ttlMs > 0 ? new LRUCache({ max: 10_000, ttl: ttlMs }) : null;
    this.byId = ttlMs > 0 ? new LRUCache({ max: 10_000, ttl: ttlMs }) : null;
  }

  /** Tenant for a slug (any status), or null. Malformed slugs never reach the database. */
  async resolve(slug: string): Promise<Tenant | null> {
    if (!isValidSlug(slug)) return null;
    const hit = this.bySlug?.get(slug);
    if (hit) return hit.tenant;
    const [row] = await this.db.select().from(tenants).where(eq(tenants.slug, slug));
    return this.remember(slug, row ? toTenant(row) : null, "slug");
  }

  /** Tenant for an id (any status), or null. */
  async getById(id: string): Promise<Tenant | null> {
    if (!isUuid(id)) return null;
    const hit = this.byId?.get(id);
    if (hit) return hit.tenant;
    const [row] = await this.db.select().from(tenants).where(eq(tenants.id, id));
    return this.remember(id, row ? toTenant(row) : null, "id");
  }

  /** Uncached lookup by slug or id (for writers, which must see the current row). */
  async findFresh(slugOrId: string): Promise<Tenant | null> {
    const column = isUuid(slugOrId) ? tenants.id : tenants.slug;
    const [row] = await this.db.select().from(tenants).where(eq(column, slugOrId));
    return row ? toTenant(row) : null;
  }

  async list(options: ListTenantsOptions = {}): Promise<Tenant[]> {
    const statuses = options.status === undefined ? undefined : ([] as TenantStatus[]).concat(options.status);
    const rows = await this.db
      .select()
      .from(tenants)
      .where(statuses ? inArray(tenants.status, statuses) : undefined)
      .orderBy(asc(tenants.slug))
      .limit(options.limit ?? 1000)
      .offset(options.offset ?? 0);
    return rows.map(toTenant);
  }

  invalidate(tenant: { id?: string; slug?: string }): void {
    if (tenant.slug) this.bySlug?.delete(tenant.slug);
    if (tenant.id) this.byId?.delete(tenant.id);
  }

  clear(): void {
    this.bySlug?.clear();
    this.byId?.clear();
  }

  private remember(key: string, tenant: Tenant | null, kind: "slug" | "id"): Tenant | null {
    (kind === "slug" ? this.bySlug : this.byId)?.set(key, { tenant });
    if (tenant) (kind === "slug" ? this.byId : this.bySlug)?.set(kind === "slug" ? tenant.id : tenant.slug, { tenant });
    return tenant;
  }
}
