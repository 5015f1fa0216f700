// Tenant lookups with a short TTL cache (slug → tenant, id → tenant). Invalidated explicitly
// by this process on every status change it makes; other processes converge within the TTL.
// Lookups on the request path are bounded (`lookupTimeoutMs`). When a refresh fails (control
// plane down or stalled), the last known record is served for up to `staleIfErrorMs` after it
// was fetched; without one, ControlPlaneUnavailableError (→ 503) arrives within the bound.
import { tenants, type ControlPlaneDb, type TenantRow, type TenantStatus } from "@repo/db/control-plane";
import { asc, eq, inArray } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { ControlPlaneUnavailableError } from "../errors";
import { isValidSlug } from "../host/validate-slug";
import { withTimeLimit } from "../router/with-time-limit";
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

type CacheSlot = { tenant: Tenant | null; fetchedAt: number };

export type TenantRegistryOptions = {
  /** Fresh for this long (0 disables caching, and with it stale-if-error). */
  ttlMs: number;
  /** Bound on one lookup on the request path. */
  lookupTimeoutMs: number;
  /** A record may be served this long after it was fetched when refreshing it fails. */
  staleIfErrorMs: number;
};

export class TenantRegistry {
  // Entries outlive their TTL (up to staleIfErrorMs) so a failed refresh can fall back on them.
  private readonly bySlug: LRUCache<string, CacheSlot> | null;
  private readonly byId: LRUCache<string, CacheSlot> | null;
  private readonly options: TenantRegistryOptions;
  // One refresh per key at a time: a burst of requests for one tenant shares a single query.
  private readonly inFlight = new Map<string, Promise<Tenant | null>>();

  constructor(
    private readonly db: ControlPlaneDb,
    options: TenantRegistryOptions | number,
  ) {
    this.options = typeof options === "number" ? { ttlMs: options, lookupTimeoutMs: 0, staleIfErrorMs: 0 } : options;
    const { ttlMs, staleIfErrorMs } = this.options;
    const keepMs = Math.max(ttlMs, staleIfErrorMs);
    // Unknown slugs are cached too (as null): random subdomains must not hammer the database.
    this.bySlug = ttlMs > 0 ? new LRUCache({ max: 10_000, ttl: keepMs }) : null;
    this.byId = ttlMs > 0 ? new LRUCache({ max: 10_000, ttl: keepMs }) : null;
  }

  /** Tenant for a slug (any status), or null. Malformed slugs never reach the database. */
  async resolve(slug: string): Promise<Tenant | null> {
    if (!isValidSlug(slug)) return null;
    return this.lookup(slug, "slug", () => this.db.select().from(tenants).where(eq(tenants.slug, slug)));
  }

  /** Tenant for an id (any status), or null. */
  async getById(id: string): Promise<Tenant | null> {
    if (!isUuid(id)) return null;
    return this.lookup(id, "id", () => this.db.select().from(tenants).where(eq(tenants.id, id)));
  }

  private async lookup(key: string, kind: "slug" | "id", query: () => Promise<TenantRow[]>): Promise<Tenant | null> {
    const cache = kind === "slug" ? this.bySlug : this.byId;
    const hit = cache?.get(key);
    const now = Date.now();
    if (hit && now - hit.fetchedAt < this.options.ttlMs) return hit.tenant;
    const flightKey = `${kind}:${key}`;
    let refresh = this.inFlight.get(flightKey);
    if (!refresh) {
      refresh = withTimeLimit(query(), this.options.lookupTimeoutMs, "control-plane")
        .then(([row]) => this.remember(key, row ? toTenant(row) : null, kind))
        .finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, refresh);
    }
    try {
      return await refresh;
    } catch (error) {
      // Stale-if-error: the last known record, within its bound (a known-unknown slug included).
      if (hit && now - hit.fetchedAt < this.options.staleIfErrorMs) return hit.tenant;
      throw new ControlPlaneUnavailableError(error);
    }
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
    if (tenant.slug) {
      this.bySlug?.delete(tenant.slug);
      this.inFlight.delete(`slug:${tenant.slug}`);
    }
    if (tenant.id) {
      this.byId?.delete(tenant.id);
      this.inFlight.delete(`id:${tenant.id}`);
    }
  }

  clear(): void {
    this.bySlug?.clear();
    this.byId?.clear();
  }

  private remember(key: string, tenant: Tenant | null, kind: "slug" | "id"): Tenant | null {
    const slot = { tenant, fetchedAt: Date.now() };
    (kind === "slug" ? this.bySlug : this.byId)?.set(key, slot);
    if (tenant) (kind === "slug" ? this.byId : this.bySlug)?.set(kind === "slug" ? tenant.id : tenant.slug, slot);
    return tenant;
  }
}
