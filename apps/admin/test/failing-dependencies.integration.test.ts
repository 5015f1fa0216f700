// Failing dependencies of the operator console, one at a time, against real services: Redis
// (frozen), the control plane (frozen), one tenant database (refusing connections, 55000). Each
// answers 503 + Retry-After within its budget — the same Redis budget as the tenant app.
// Redis and the control plane are frozen through a private TCP proxy, never the shared services.
import { startFaultProxy, type FaultProxy } from "@repo/services/fault-proxy";
import { NextRequest } from "next/server";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";

// The one Redis budget, smaller than the 3 s the console used to wait, so this test tells them apart.
const REDIS_BUDGET_MS = 500;
process.env.REVOCATION_TIMEOUT_MS = String(REDIS_BUDGET_MS);
const QUERY_BUDGET_MS = 1_000;
const SLACK_MS = 1_500; // a loaded 2-core machine; a hang would be minutes

let env: AdminTestEnv;
let redis: FaultProxy;
let controlPlane: FaultProxy;
let bearer: Record<string, string>;
let cookie: string;
let server: postgres.Sql;
const slug = `f-${randomSuffix()}`;

function through(proxy: FaultProxy, url: string): string {
  const parsed = new URL(url);
  parsed.host = `127.0.0.1:${proxy.port}`;
  return parsed.toString();
}

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  const upstash = new URL(process.env.UPSTASH_REDIS_REST_URL!);
  redis = await startFaultProxy({ host: upstash.hostname, port: Number(upstash.port) });
  const cp = new URL(env.controlPlaneUrl);
  controlPlane = await startFaultProxy({ host: cp.hostname, port: Number(cp.port) });
  // Before any admin module reads its env: both dependencies go through the proxies.
  process.env.UPSTASH_REDIS_REST_URL = through(redis, upstash.toString()).replace(/\/$/, "");
  process.env.DATABASE_URL = through(controlPlane, env.controlPlaneUrl);
  process.env.DATABASE_QUERY_TIMEOUT_MS = String(QUERY_BUDGET_MS);
  process.env.TENANT_LOOKUP_TIMEOUT_MS = "500";

  cookie = await signOperatorCookie(env.ownerId, "owner");
  const tokens = await import("../src/app/api/v1/api-tokens/route");
  const made = await callRoute(tokens.POST, "POST", "/api/v1/api-tokens", {
    headers: { cookie, origin: "http://localhost:3001" },
    body: { name: "failing-deps", scope: "write", expiresInDays: 1 },
  });
  expect(made.status).toBe(201);
  bearer = { authorization: `Bearer ${made.body.token.token as string}` };
  const tenants = await import("../src/app/api/v1/tenants/route");
  expect(
    (await callRoute(tenants.POST, "POST", "/api/v1/tenants", { headers: bearer, body: { slug, name: "Failing" } }))
      .status,
  ).toBe(201);
  server = postgres(env.serverUrl, { max: 1, onnotice: () => {} });
}, 120_000);

afterAll(async () => {
  redis?.thaw();
  controlPlane?.thaw();
  await server?.end();
  const { closeTenancy } = await import("@repo/tenancy");
  await closeTenancy();
  await redis?.close();
  await controlPlane?.close();
  await env?.cleanup();
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe("a frozen Redis", () => {
  it("the console's proxy and its revocation writes answer 503 within the one Redis budget", {
    timeout: 30_000,
  }, async () => {
    const { proxy } = await import("../src/proxy");
    const revocations = await import("../src/app/api/v1/revocations/route");
    redis.freeze();
    try {
      // Session checks read the local revocation snapshot, which is trusted for 1 s after its
      // last refresh; past that a check must refresh (bounded by the budget) or fail closed.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const page = await timed(() =>
        proxy(new NextRequest("http://localhost:3001/tenants", { headers: { host: "localhost:3001", cookie } })),
      );
      expect(page.value.status).toBe(503);
      expect(page.value.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(page.ms).toBeLessThan(REDIS_BUDGET_MS + SLACK_MS);

      const write = await timed(() =>
        callRoute(revocations.POST, "POST", "/api/v1/revocations", {
          headers: bearer,
          body: { tenant: slug, type: "tenant" },
        }),
      );
      expect(write.value.status).toBe(503);
      expect(write.value.response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(write.ms).toBeLessThan(REDIS_BUDGET_MS + SLACK_MS);
    } finally {
      redis.thaw();
    }
  });
});

describe("a tenant database that refuses connections (55000)", () => {
  it("that tenant's admin API answers 503 + Retry-After; the control plane keeps working", {
    timeout: 30_000,
  }, async () => {
    const members = await import("../src/app/api/v1/tenants/[slug]/members/route");
    const tenants = await import("../src/app/api/v1/tenants/route");
    const [row] =
      await server`select datname as database_name from pg_database where datname like ${`tenant_${slug.replace(/-/g, "_")}_%`}`;
    const database = row!.database_name as string;
    await server.unsafe(`alter database "${database}" allow_connections false`);
    await server`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database}`;
    try {
      const down = await timed(() => callRoute(members.GET, "GET", "/x", { headers: bearer, params: { slug } }));
      expect(down.value.status).toBe(503);
      expect(down.value.body.error.code).toBe("service_unavailable");
      expect(down.value.response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(down.ms).toBeLessThan(QUERY_BUDGET_MS + SLACK_MS);
      expect((await callRoute(tenants.GET, "GET", "/api/v1/tenants", { headers: bearer })).status).toBe(200);
    } finally {
      await server.unsafe(`alter database "${database}" allow_connections true`);
    }
  });

  it("that tenant's console pages answer a real 503 page with Retry-After; other pages are served", {
    timeout: 30_000,
  }, async () => {
    const { proxy } = await import("../src/proxy");
    const tenantsApi = await import("../src/app/api/v1/tenants/route");
    const other = `g-${randomSuffix()}`;
    const created = await callRoute(tenantsApi.POST, "POST", "/api/v1/tenants", {
      headers: bearer,
      body: { slug: other, name: "Healthy" },
    });
    expect(created.status).toBe(201);
    const page = (path: string) =>
      timed(() =>
        proxy(new NextRequest(`http://localhost:3001${path}`, { headers: { host: "localhost:3001", cookie } })),
      );
    const [row] =
      await server`select datname as database_name from pg_database where datname like ${`tenant_${slug.replace(/-/g, "_")}_%`}`;
    const database = row!.database_name as string;
    await server.unsafe(`alter database "${database}" allow_connections false`);
    await server`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database}`;
    // The availability probe caches a healthy answer for ≤ 2 s.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    try {
      for (const path of [`/tenants/${slug}`, `/tenants/${slug}/members`, `/tenants/${slug.toUpperCase()}/roles`]) {
        const { value, ms } = await page(path);
        expect({ path, status: value.status }).toEqual({ path, status: 503 });
        expect(value.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(value.headers.get("content-type")).toMatch(/^text\/html/);
        expect(await value.text()).toContain("Temporarily unavailable");
        expect(ms).toBeLessThan(QUERY_BUDGET_MS + SLACK_MS);
      }
      for (const path of [
        `/tenants/${other}/members`,
        "/tenants",
        "/tenants/new",
        "/audit",
        "/tenants/no-such-tenant",
      ]) {
        expect({ path, status: (await page(path)).value.status }).toEqual({ path, status: 200 });
      }
    } finally {
      await server.unsafe(`alter database "${database}" allow_connections true`);
    }
    // Back within the probe's cache time once the database accepts connections again.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await page(`/tenants/${slug}/members`)).value.status).toBe(200);
  });
});

describe("a frozen control plane", () => {
  it("admin API requests answer 503 + Retry-After within the query budget instead of hanging", {
    timeout: 30_000,
  }, async () => {
    const tenants = await import("../src/app/api/v1/tenants/route");
    controlPlane.freeze();
    try {
      for (const headers of [bearer, { cookie }]) {
        const { value, ms } = await timed(() => callRoute(tenants.GET, "GET", "/api/v1/tenants", { headers }));
        expect(value.status).toBe(503);
        expect(value.response.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(ms).toBeLessThan(QUERY_BUDGET_MS + SLACK_MS);
      }
    } finally {
      controlPlane.thaw();
    }
    expect((await callRoute(tenants.GET, "GET", "/api/v1/tenants", { headers: bearer })).status).toBe(200);
  });
});
