// A postgres.js look-alike that drizzle can wrap, which borrows the tenant's current pool from
// the router for every query or transaction. A TenantDb therefore never holds a pool: it stays
// valid across evictions, and in-flight work is what keeps a pool alive.
import { type Sql } from "postgres";

export type RunWithSql = <T>(fn: (sql: Sql) => Promise<T>) => Promise<T>;

type QueryMode = "rows" | "values";

/** The lazy query drizzle awaits: `unsafe(...)` or `unsafe(...).values()`. */
class RoutedQuery<T> implements PromiseLike<T> {
  private mode: QueryMode = "rows";
  private promise: Promise<T> | undefined;

  constructor(
    private readonly run: RunWithSql,
    private readonly query: string,
    private readonly params: unknown[] | undefined,
    private readonly options: unknown,
  ) {}

  values(): this {
    this.mode = "values";
    return this;
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.promise ??= this.run(async (sql) => {
      const pending = sql.unsafe(this.query, this.params as never, this.options as never);
      return (await (this.mode === "values" ? pending.values() : pending)) as T;
    });
    return this.promise.then(onFulfilled, onRejected);
  }
}

/** Builds the routed client. Only the surface drizzle's postgres-js driver uses is provided. */
export function createRoutedClient(run: RunWithSql): Sql {
  const client = {
    // drizzle installs its type parsers here; the router applies the same to every real pool.
    options: { parsers: {}, serializers: {} },
    unsafe: (query: string, params?: unknown[], options?: unknown) => new RoutedQuery(run, query, params, options),
    begin: (...args: unknown[]) => run((sql) => (sql.begin as (...a: unknown[]) => Promise<unknown>)(...args)),
  };
  return client as unknown as Sql;
}
