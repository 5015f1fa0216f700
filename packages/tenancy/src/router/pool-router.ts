// The connection router's core: an LRU set of small postgres.js pools, one per tenant
// database, under a global connection budget. Node only.
//
// Guarantees:
// - Each pool may open at most `poolMax` connections and reserves that much budget while it
//   exists, so open tenant connections never exceed `budget`, whatever the load.
// - A pool is evicted only when it has no in-flight work (leases are counted synchronously),
//   and it is drained with `sql.end({ timeout })`: eviction never kills a running query.
// - When the budget is full and every pool is busy, callers wait (FIFO-ish) for capacity
//   instead of failing; after `acquireTimeoutMs` they get ConnectionBudgetTimeoutError.
import postgres, { type Sql } from "postgres";
import { ConnectionBudgetTimeoutError } from "../errors";

export type PoolRouterOptions = {
  /** Max connections per tenant pool (small: 2–5). */
  poolMax: number;
  /** Seconds before an idle connection of a pool closes. */
  idleTimeoutSeconds: number;
  /** Global cap on tenant connections across all pools of this process. */
  budget: number;
  /** How long a caller may wait for capacity before failing. */
  acquireTimeoutMs: number;
  /** Grace period for draining an evicted pool (no in-flight work exists at that point). */
  drainTimeoutSeconds?: number;
  applicationName?: string;
  /** Seconds to establish a connection (default 10). */
  connectTimeoutSeconds?: number;
  /** Server-side `statement_timeout` (ms) of every connection (default: none). */
  statementTimeoutMs?: number;
  /** Called once per new postgres.js client (e.g. to apply drizzle's type parsers). */
  configureClient?: (sql: Sql) => void;
};

export type RouterMetrics = {
  openPools: number;
  /** Connections the open pools may hold (upper bound of open connections; ≤ budget). */
  reservedConnections: number;
  peakReservedConnections: number;
  connectionBudget: number;
  poolMax: number;
  inFlight: number;
  waiting: number;
  poolsCreated: number;
  poolsEvicted: number;
};

type PoolEntry = { key: string; sql: Sql; inFlight: number; closing: boolean };

export type Lease = { sql: Sql; release: () => void };

export class PoolRouter {
  private readonly pools = new Map<string, PoolEntry>(); // Map order = LRU order (oldest first)
  private reserved = 0;
  private releasing = 0;
  private peakReserved = 0;
  private waiting = 0;
  private created = 0;
  private evicted = 0;
  private wakers = new Set<() => void>();
  private closed = false;

  constructor(private readonly options: PoolRouterOptions) {
    if (options.poolMax > options.budget) throw new RangeError("poolMax must not exceed the connection budget");
  }

  /** Borrows the pool for `key` (created on demand from `url`). Always call `release()`. */
  async lease(key: string, url: string): Promise<Lease> {
    const deadline = Date.now() + this.options.acquireTimeoutMs;
    for (;;) {
      if (this.closed) throw new Error("The tenant connection router is closed.");
      const entry = this.pools.get(key);
      if (entry && !entry.closing) {
        this.pools.delete(key);
        this.pools.set(key, entry);
        entry.inFlight++;
        return this.toLease(entry);
      }
      if (this.reserved + this.options.poolMax <= this.options.budget) {
        return this.toLease(this.createPool(key, url));
      }
      this.evictForCapacity();
      await this.waitForChange(deadline);
    }
  }

  /** Drains and closes one key's pool (after its in-flight work), e.g. before DROP DATABASE. */
  async closePool(key: string): Promise<void> {
    const entry = this.pools.get(key);
    if (!entry) return;
    this.pools.delete(key);
    entry.closing = true;
    while (entry.inFlight > 0) await this.waitForChange(Number.POSITIVE_INFINITY);
    await this.endPool(entry);
  }

  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.pools.keys()].map((key) => this.closePool(key)));
    this.notify();
  }

  getMetrics(): RouterMetrics {
    let inFlight = 0;
    for (const entry of this.pools.values()) inFlight += entry.inFlight;
    return {
      openPools: this.pools.size,
      reservedConnections: this.reserved,
      peakReservedConnections: this.peakReserved,
      connectionBudget: this.options.budget,
      poolMax: this.options.poolMax,
      inFlight,
      waiting: this.waiting,
      poolsCreated: this.created,
      poolsEvicted: this.evicted,
    };
  }

  private createPool(key: string, url: string): PoolEntry {
    this.reserved += this.options.poolMax;
    this.peakReserved = Math.max(this.peakReserved, this.reserved);
    const sql = postgres(url, {
      max: this.options.poolMax,
      idle_timeout: this.options.idleTimeoutSeconds,
      connect_timeout: this.options.connectTimeoutSeconds ?? 10,
      onnotice: () => {},
      connection: {
        application_name: this.options.applicationName ?? "repo-tenant",
        ...(this.options.statementTimeoutMs ? { statement_timeout: this.options.statementTimeoutMs } : {}),
      },
    });
    this.options.configureClient?.(sql);
    const entry: PoolEntry = { key, sql, inFlight: 1, closing: false };
    this.pools.set(key, entry);
    this.created++;
    return entry;
  }

  private toLease(entry: PoolEntry): Lease {
    let released = false;
    return {
      sql: entry.sql,
      release: () => {
        if (released) return;
        released = true;
        entry.inFlight--;
        if (entry.inFlight === 0) this.notify();
      },
    };
  }

  /**
   * Starts draining the least-recently-used idle pool, unless capacity already on its way back
   * (pools still closing) covers one more pool. The caller then waits for the release.
   */
  private evictForCapacity(): void {
    const needed = this.reserved - this.releasing + this.options.poolMax - this.options.budget;
    if (needed <= 0) return;
    for (const entry of this.pools.values()) {
      if (entry.inFlight > 0 || entry.closing) continue;
      this.pools.delete(entry.key);
      entry.closing = true;
      this.evicted++;
      void this.endPool(entry);
      return;
    }
  }

  private async endPool(entry: PoolEntry): Promise<void> {
    this.releasing += this.options.poolMax;
    try {
      await entry.sql.end({ timeout: this.options.drainTimeoutSeconds ?? 5 });
    } finally {
      this.releasing -= this.options.poolMax;
      this.reserved -= this.options.poolMax;
      this.notify();
    }
  }

  private waitForChange(deadline: number): Promise<void> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return Promise.reject(new ConnectionBudgetTimeoutError(this.options.acquireTimeoutMs));
    this.waiting++;
    return new Promise<void>((resolve, reject) => {
      const timer = Number.isFinite(remaining)
        ? setTimeout(() => {
            this.wakers.delete(wake);
            this.waiting--;
            reject(new ConnectionBudgetTimeoutError(this.options.acquireTimeoutMs));
          }, remaining)
        : undefined;
      const wake = () => {
        clearTimeout(timer);
        this.waiting--;
        resolve();
      };
      this.wakers.add(wake);
    });
  }

  private notify(): void {
    const wakers = [...this.wakers];
    this.wakers.clear();
    for (const wake of wakers) wake();
  }
}
