// Real failures, classified: a dead Postgres port (through postgres.js and through drizzle's
// wrapper) is "unavailable"; a SQL error on a live server and a routing error for an unknown
// tenant are not.
import { createServer } from "node:net";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import {
  ConnectionBudgetTimeoutError,
  isDatabaseUnavailable,
  TenantNotFoundError,
  TenantUnavailableError,
} from "@repo/tenancy";

async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const clients: postgres.Sql[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end({ timeout: 1 })));
});

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("isDatabaseUnavailable", () => {
  it("a refused connection is unavailable — raw postgres.js and wrapped by drizzle", async () => {
    const sql = postgres(`postgres://postgres@127.0.0.1:${await deadPort()}/postgres`, { max: 1, connect_timeout: 2 });
    clients.push(sql);
    expect(isDatabaseUnavailable(await errorOf(() => sql`select 1`))).toBe(true);
    const db = drizzle(sql);
    expect(isDatabaseUnavailable(await errorOf(() => db.execute("select 1")))).toBe(true);
  });

  it("a SQL error on a live server is not unavailable (it is a bug to surface as 500)", async () => {
    const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    clients.push(sql);
    expect(isDatabaseUnavailable(await errorOf(() => sql`select * from no_such_table_here`))).toBe(false);
  });

  it("tenancy codes: a budget timeout is transient; unknown or suspended tenants are not", () => {
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: new ConnectionBudgetTimeoutError(30_000) }))).toBe(true);
    expect(isDatabaseUnavailable(new TenantUnavailableError("acme", "suspended"))).toBe(false);
    expect(isDatabaseUnavailable(new TenantNotFoundError("acme"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("plain"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
