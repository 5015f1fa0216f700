// POST /api/v1/tenants with `Accept: application/x-ndjson`: real provisioning progress streamed
// line by line (steps in order, then the tenant or a coded error), audited when it settles;
// invalid input and read-only callers still get plain JSON errors; the JSON 201 default is kept.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";
import type * as TenantsRouteModule from "../src/app/api/v1/tenants/route";
import type * as AuditRouteModule from "../src/app/api/v1/audit/route";

let env: AdminTestEnv;
let tenantsRoute: typeof TenantsRouteModule;
let auditRoute: typeof AuditRouteModule;
let owner: Record<string, string>;
let support: Record<string, string>;
const NDJSON = { accept: "application/x-ndjson" };

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  // A registered server that is down (nothing listens on port 1); capacity 0 keeps automatic
  // placement away from it, so only an explicit `server: "down"` reaches it.
  const cp = postgres(env.controlPlaneUrl, { max: 1, onnotice: () => {} });
  await cp`insert into db_servers (name, connection_ref, capacity) values ('down', 'postgres://postgres@127.0.0.1:1/postgres', 0)`;
  await cp.end();
  tenantsRoute = await import("../src/app/api/v1/tenants/route");
  auditRoute = await import("../src/app/api/v1/audit/route");
  owner = { cookie: await signOperatorCookie(env.ownerId, "owner"), origin: "http://localhost:3001" };
  support = { cookie: await signOperatorCookie(env.supportId, "support"), origin: "http://localhost:3001" };
}, 60_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

/** Reads the stream as it arrives, recording each parsed line. */
async function readLines(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  return text
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function postStream(body: unknown, headers: Record<string, string> = owner) {
  return callRoute(tenantsRoute.POST, "POST", "/api/v1/tenants", { headers: { ...headers, ...NDJSON }, body });
}

describe("POST /api/v1/tenants streaming NDJSON progress", () => {
  const slug = `s-${randomSuffix()}`;

  it("streams every step in order, then the tenant; the create is audited with its tenant id", async () => {
    const { status, response } = await postStream({ slug, name: "Stream Co" });
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const lines = await readLines(response);
    expect(lines.slice(0, -1)).toEqual([
      { step: "row-inserted" },
      { step: "database-created" },
      { step: "migrated" },
      { step: "roles-seeded" },
      { step: "active" },
    ]);
    expect(lines.at(-1)).toMatchObject({ tenant: { slug, status: "active" } });
    const tenantId = (lines.at(-1) as { tenant: { id: string } }).tenant.id;

    const audit = await callRoute(auditRoute.GET, "GET", "/api/v1/audit", {
      headers: owner,
      query: { action: "tenant.create", tenant: slug },
    });
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({ outcome: "success", tenantSlug: slug });
    expect(audit.body.entries[0].metadata).not.toHaveProperty("error");
    const byId = await callRoute(auditRoute.GET, "GET", "/api/v1/audit", {
      headers: owner,
      query: { tenant: tenantId },
    });
    expect(byId.body.entries).toHaveLength(1);
  }, 60_000);

  it("a taken slug ends the stream with a conflict error line naming the field (no steps)", async () => {
    const lines = await readLines((await postStream({ slug, name: "Again" })).response);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ error: { code: "conflict", fields: { slug: expect.any(Array) } } });
    const audit = await callRoute(auditRoute.GET, "GET", "/api/v1/audit", {
      headers: owner,
      query: { action: "tenant.create", tenant: slug },
    });
    expect(audit.body.entries.map((e: { outcome: string }) => e.outcome)).toEqual(["failure", "success"]);
  });

  it("a server that is down: the completed step, then service_unavailable; the tenant never goes active", async () => {
    const downSlug = `d-${randomSuffix()}`;
    const lines = await readLines((await postStream({ slug: downSlug, name: "Down", server: "down" })).response);
    expect(lines.at(-1)).toMatchObject({
      error: { code: "service_unavailable", message: expect.stringMatching(/rolled back/) },
    });
    expect(lines.slice(0, -1)).toEqual([{ step: "row-inserted" }]);
    const list = await callRoute(tenantsRoute.GET, "GET", "/api/v1/tenants", {
      headers: owner,
      query: { q: downSlug, status: "active" },
    });
    expect(list.body.tenants).toEqual([]);
    // A retry while the server is still down (tenancy must finish the cleanup there first) is
    // a coded 503 too — never an opaque 500.
    const retry = await readLines((await postStream({ slug: downSlug, name: "Down", server: "down" })).response);
    expect(retry.at(-1)).toMatchObject({ error: { code: "service_unavailable" } });
  }, 60_000);

  it("an unknown server is a field error line", async () => {
    const lines = await readLines(
      (await postStream({ slug: `u-${randomSuffix()}`, name: "U", server: "nope" })).response,
    );
    expect(lines).toEqual([
      { error: expect.objectContaining({ code: "invalid_request", fields: { server: expect.any(Array) } }) },
    ]);
  });

  it("invalid input is a plain JSON 400 with fields, before anything streams", async () => {
    const res = await postStream({ slug: "Bad_Slug!", name: "" });
    expect(res.status).toBe(400);
    expect(res.response.headers.get("content-type")).toContain("application/json");
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(["slug", "name"]));
  });

  it("a support operator gets a plain JSON 403, not a stream", async () => {
    const res = await postStream({ slug: `x-${randomSuffix()}`, name: "X" }, support);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });
});
