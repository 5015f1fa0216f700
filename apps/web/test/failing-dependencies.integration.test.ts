// Failing dependencies, one at a time, against real services: Redis (frozen), the control plane
// (frozen), one tenant database (refusing connections, Postgres 55000). Each answers a 503 with
// Retry-After — pages a real 503 page — within its budget, and the other tenant is unaffected.
// Redis and the control plane are frozen through a private TCP proxy, never the shared services.
import { startFaultProxy, type FaultProxy } from "@repo/services/fault-proxy";
import { NextRequest } from "next/server";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => {
    throw new Error("not used by the code under test");
  },
}));

import { GET as listProjects } from "@/app/api/projects/route";
import { proxy } from "@/proxy";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";

// Budgets under test (set before the platform parses env): Redis 2 s (REVOCATION_TIMEOUT_MS, set
// by the platform), tenant lookup 500 ms. SLACK absorbs a loaded 2-core machine; a hang is minutes.
const LOOKUP_BUDGET_MS = 500;
const REDIS_BUDGET_MS = 2_000;
const SLACK_MS = 1_500;
process.env.TENANT_LOOKUP_TIMEOUT_MS = String(LOOKUP_BUDGET_MS);
process.env.DATABASE_QUERY_TIMEOUT_MS = "1000";

const proxies: Partial<Record<"control-plane" | "upstash", FaultProxy>> = {};
let alpha: SeededTenant;
let beta: SeededTenant;

beforeAll(async () => {
  for (const [kind, url] of [
    ["control-plane", process.env.DATABASE_URL!],
    ["upstash", process.env.UPSTASH_REDIS_REST_URL!],
  ] as const) {
    const parsed = new URL(url);
    proxies[kind] = await startFaultProxy({ host: parsed.hostname, port: Number(parsed.port) });
  }
});
// Hooks run in reverse order after the tests: the platform cleans up through the proxies first.
afterAll(async () => {
  for (const p of Object.values(proxies)) {
    p.thaw();
    await p.close();
  }
});
useTestPlatform((seeded) => ({ alpha, beta } = seeded), {
  tenantCacheTtlMs: 200,
  routeUrl: (kind, url) => {
    const parsed = new URL(url);
    parsed.host = `127.0.0.1:${proxies[kind]!.port}`;
    return parsed.toString().replace(/\/$/, kind === "upstash" ? "" : "/");
  },
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function api(tenant: SeededTenant) {
  const { cookie } = await mintSessionCookie(tenant.tenant, tenant.users.owner);
  const request = new Request("http://localhost:3000/api/projects", { headers: { host: tenant.host, cookie } });
  current.headers = request.headers;
  return listProjects(request, { params: Promise.resolve({}) });
}

async function viaProxy(tenant: SeededTenant | { host: string }, path: string) {
  const cookie = "users" in tenant ? (await mintSessionCookie(tenant.tenant, tenant.users.owner)).cookie : "";
  return proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { host: tenant.host, cookie } }));
}

const passed = (response: Response) => response.status === 200 && response.headers.get("x-middleware-next") === "1";

describe("a tenant database that refuses connections (ALLOW_CONNECTIONS false → 55000)", () => {
  let admin: postgres.Sql;
  beforeAll(async () => {
    admin = postgres(process.env.WEB_IT_SERVER_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`alter database "${alpha.tenant.databaseName}" allow_connections false`);
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${alpha.tenant.databaseName}`;
  });
  afterAll(async () => {
    await admin.unsafe(`alter database "${alpha.tenant.databaseName}" allow_connections true`);
    await admin.end();
  });

  it("its API answers 503 + Retry-After at once; the other tenant's API is unaffected", {
    timeout: 30_000,
  }, async () => {
    const { value: down, ms } = await timed(() => api(alpha));
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await down.json()).error.code).toBe("service_unavailable");
    expect(ms).toBeLessThan(LOOKUP_BUDGET_MS + SLACK_MS);
    const up = await api(beta);
    expect(up.status).toBe(200);
  });

  it("its pages get a real 503 page with Retry-After; the other tenant's pages pass", { timeout: 30_000 }, async () => {
    const page = await viaProxy(alpha, "/projects");
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("Temporarily unavailable");
    expect(passed(await viaProxy(beta, "/projects"))).toBe(true);
  });
});

describe("a frozen Redis", () => {
  it("tenant requests get 503 within the one Redis budget (REVOCATION_TIMEOUT_MS)", { timeout: 30_000 }, async () => {
    proxies.upstash!.freeze();
    try {
      const { value, ms } = await timed(() => viaProxy(alpha, "/api/projects"));
      expect(value.status).toBe(503);
      expect(value.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(ms).toBeLessThan(REDIS_BUDGET_MS + SLACK_MS);
    } finally {
      proxies.upstash!.thaw();
    }
  });
});

describe("a frozen control plane", () => {
  it("known tenants are served from the last known record; an unknown host gets 503 within the lookup budget", {
    timeout: 30_000,
  }, async () => {
    expect(passed(await viaProxy(beta, "/api/projects"))).toBe(true); // warm the record
    await new Promise((resolve) => setTimeout(resolve, 300)); // past the 200 ms TTL: a refresh is due
    proxies["control-plane"]!.freeze();
    try {
      const stale = await timed(() => viaProxy(beta, "/api/projects"));
      expect(passed(stale.value)).toBe(true);
      expect(stale.ms).toBeLessThan(LOOKUP_BUDGET_MS + SLACK_MS);
      const data = await api(beta); // the data path resolves the tenant the same way
      expect(data.status).toBe(200);

      const unknown = await timed(() => viaProxy({ host: "never-seen.localhost:3000" }, "/api/projects"));
      expect(unknown.value.status).toBe(503);
      expect(unknown.value.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(unknown.ms).toBeLessThan(LOOKUP_BUDGET_MS + SLACK_MS);
    } finally {
      proxies["control-plane"]!.thaw();
    }
  });
});
