// The webhooks API (real route handlers, Postgres): validation and SSRF refusal at save time
// (400 with field errors), the secret shown once, 404s for unknown ids, 403 for read-only
// callers, and the events the admin paths append in the SAME transaction as their change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";

let env: AdminTestEnv;
let routes: Awaited<ReturnType<typeof loadRoutes>>;
let owner: Record<string, string>;
let support: Record<string, string>;
const slug = `wh-${randomSuffix()}`;
const unknownId = "00000000-0000-4000-8000-000000000000";

async function loadRoutes() {
  return {
    tenants: await import("../src/app/api/v1/tenants/route"),
    suspend: await import("../src/app/api/v1/tenants/[slug]/suspend/route"),
    members: await import("../src/app/api/v1/tenants/[slug]/members/route"),
    webhooks: await import("../src/app/api/v1/tenants/[slug]/webhooks/route"),
    webhook: await import("../src/app/api/v1/tenants/[slug]/webhooks/[id]/route"),
    deliveries: await import("../src/app/api/v1/tenants/[slug]/webhooks/[id]/deliveries/route"),
    retry: await import("../src/app/api/v1/tenants/[slug]/webhooks/[id]/deliveries/[deliveryId]/retry/route"),
    enable: await import("../src/app/api/v1/tenants/[slug]/webhooks/[id]/enable/route"),
  };
}

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  routes = await loadRoutes();
  owner = { cookie: await signOperatorCookie(env.ownerId, "owner"), origin: "http://localhost:3001" };
  support = { cookie: await signOperatorCookie(env.supportId, "support"), origin: "http://localhost:3001" };
  const created = await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
    headers: owner,
    body: { slug, name: "Webhook Co" },
  });
  expect(created.status).toBe(201);
}, 120_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

const post = (body: unknown, headers = owner) =>
  callRoute(routes.webhooks.POST, "POST", `/api/v1/tenants/${slug}/webhooks`, { headers, params: { slug }, body });

describe("POST /tenants/:slug/webhooks", () => {
  it.each([
    [{ url: "http://example.com/hook", events: ["user.signed_in"] }, "url"],
    [{ url: "https://127.0.0.1/hook", events: ["user.signed_in"] }, "url"],
    [{ url: "https://169.254.169.254/latest", events: ["user.signed_in"] }, "url"],
    [{ url: "https://localhost/hook", events: ["user.signed_in"] }, "url"],
    [{ url: "not a url", events: ["user.signed_in"] }, "url"],
    [{ url: "", events: ["user.signed_in"] }, "url"],
    [{ url: "https://example.com/hook", events: [] }, "events"],
    [{ url: "https://example.com/hook", events: ["user.hacked"] }, "events.0"],
    [{ url: "https://example.com/hook" }, "events"],
    [{ url: 42, events: "user.signed_in" }, "url"],
  ])("refuses %j with a 400 naming %s", async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });

  it("creates an endpoint: 201 { id, secret } once; listings never show the secret", async () => {
    const res = await post({ url: "https://hooks.example.com/in", events: ["user.signed_in", "tenant.suspended"] });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const list = await callRoute(routes.webhooks.GET, "GET", `/api/v1/tenants/${slug}/webhooks`, {
      headers: support,
      params: { slug },
    });
    expect(list.status).toBe(200);
    expect(list.body.webhooks).toHaveLength(1);
    expect(list.body.webhooks[0]).toMatchObject({
      id: res.body.id,
      url: "https://hooks.example.com/in",
      status: "enabled",
      events: ["tenant.suspended", "user.signed_in"],
    });
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    const one = await callRoute(routes.webhook.GET, "GET", "/x", {
      headers: support,
      params: { slug, id: res.body.id },
    });
    expect(JSON.stringify(one.body)).not.toContain("whsec_");
  });

  it("403 for a read-only operator, and nothing is created", async () => {
    const res = await post({ url: "https://hooks.example.com/other", events: ["user.signed_in"] }, support);
    expect(res.status).toBe(403);
  });

  it("404 for an unknown tenant", async () => {
    const res = await callRoute(routes.webhooks.POST, "POST", "/x", {
      headers: owner,
      params: { slug: "no-such-tenant" },
      body: { url: "https://a.example/x", events: ["user.signed_in"] },
    });
    expect(res.status).toBe(404);
  });
});

describe("ids, deliveries, retry, delete", () => {
  it.each([
    ["GET /:id", () => routes.webhook.GET, "GET", { id: "not-a-uuid" }, 400],
    ["GET /:id", () => routes.webhook.GET, "GET", { id: unknownId }, 404],
    ["GET /:id/deliveries", () => routes.deliveries.GET, "GET", { id: "1 or 1=1" }, 400],
    ["GET /:id/deliveries", () => routes.deliveries.GET, "GET", { id: unknownId }, 404],
    ["DELETE /:id", () => routes.webhook.DELETE, "DELETE", { id: unknownId }, 404],
    ["POST retry", () => routes.retry.POST, "POST", { id: unknownId, deliveryId: unknownId }, 404],
    ["POST retry", () => routes.retry.POST, "POST", { id: unknownId, deliveryId: "x" }, 400],
    ["POST /:id/enable", () => routes.enable.POST, "POST", { id: unknownId }, 404],
    ["POST /:id/enable", () => routes.enable.POST, "POST", { id: "'; drop table x;--" }, 400],
  ] as const)("%s with %j → %i", async (_label, handler, method, params, status) => {
    const res = await callRoute(handler(), method, "/x", { headers: owner, params: { slug, ...params } });
    expect(res.status).toBe(status);
  });

  it("lists an empty delivery log, 404s an unknown delivery, deletes the endpoint (204, then 404)", async () => {
    const created = await post({ url: "https://hooks.example.com/del", events: ["member.created"] });
    const id = created.body.id as string;
    const log = await callRoute(routes.deliveries.GET, "GET", "/x", {
      headers: support,
      params: { slug, id },
      query: { limit: "5" },
    });
    expect(log.status).toBe(200);
    expect(log.body.deliveries).toEqual([]);
    const badLimit = await callRoute(routes.deliveries.GET, "GET", "/x", {
      headers: support,
      params: { slug, id },
      query: { limit: "100000" },
    });
    expect(badLimit.status).toBe(400);
    const retry = await callRoute(routes.retry.POST, "POST", "/x", {
      headers: owner,
      params: { slug, id, deliveryId: unknownId },
    });
    expect(retry.status).toBe(404);
    expect(
      (await callRoute(routes.webhook.DELETE, "DELETE", "/x", { headers: owner, params: { slug, id } })).status,
    ).toBe(204);
    expect(
      (await callRoute(routes.webhook.DELETE, "DELETE", "/x", { headers: owner, params: { slug, id } })).status,
    ).toBe(404);
  });
});

describe("events appended by admin changes", () => {
  it("member.created lands in the tenant outbox; tenant.suspended in the control-plane outbox, once", async () => {
    const { getTenancy } = await import("../src/server/admin-root");
    const { outboxEvents } = await import("@repo/db/outbox");
    const created = await callRoute(routes.members.POST, "POST", "/x", {
      headers: owner,
      params: { slug },
      body: { email: "evt@example.test", name: "Evt", roles: ["member"] },
    });
    expect(created.status).toBe(201);
    const tenant = (await getTenancy().resolveTenant(slug))!;
    const tenantRows = await getTenancy().getTenantDb(tenant.id).select().from(outboxEvents);
    expect(tenantRows.map((r) => r.type)).toContain("member.created");
    const memberEvent = tenantRows.find((r) => r.type === "member.created")!;
    expect(memberEvent.data).toMatchObject({
      member: { email: "evt@example.test", roles: ["member"] },
      actor: { type: "operator", id: env.ownerId },
    });
    expect(memberEvent.id).toMatch(/^evt_[0-9a-f]{32}$/);

    expect((await callRoute(routes.suspend.POST, "POST", "/x", { headers: owner, params: { slug } })).status).toBe(200);
    expect((await callRoute(routes.suspend.POST, "POST", "/x", { headers: owner, params: { slug } })).status).toBe(200);
    const cpRows = await getTenancy().getControlPlaneDb().select().from(outboxEvents);
    expect(cpRows.filter((r) => r.type === "tenant.suspended").map((r) => r.tenantId)).toEqual([tenant.id]);
  });
});

describe("POST /tenants/:slug/webhooks/:id/enable", () => {
  it("re-enables an auto-disabled endpoint: audited in the same change; a no-op when enabled", async () => {
    const { getTenancy } = await import("../src/server/admin-root");
    const { auditLog, webhookEndpoints } = await import("@repo/db/control-plane");
    const { and, eq } = await import("drizzle-orm");
    const cp = getTenancy().getControlPlaneDb();
    const created = await post({ url: "https://hooks.example.com/flaky", events: ["user.signed_in"] });
    const id = created.body.id as string;
    // What the worker does after days of failures (tested in @repo/webhooks with a real receiver).
    await cp
      .update(webhookEndpoints)
      .set({ disabledAt: new Date(), disabledReason: "Every attempt failed since …", failingSince: new Date() })
      .where(eq(webhookEndpoints.id, id));
    const call = (headers: Record<string, string>) =>
      callRoute(routes.enable.POST, "POST", `/api/v1/tenants/${slug}/webhooks/${id}/enable`, {
        headers,
        params: { slug, id },
      });

    expect((await call(support)).status).toBe(403);
    expect((await call({ cookie: owner.cookie!, origin: "https://evil.example" })).status).toBe(403);
    const res = await call(owner);
    expect(res.status).toBe(200);
    expect(res.body.webhook).toMatchObject({ id, status: "enabled", disabledAt: null, failingSince: null });
    expect(JSON.stringify(res.body)).not.toContain("whsec_");
    const entries = await cp
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.target, `webhook:${id}`), eq(auditLog.action, "webhook.enable")));
    expect(entries.map((e) => [e.actorId, e.metadata])).toEqual([
      [env.ownerId, expect.objectContaining({ outcome: "success", disabledReason: "Every attempt failed since …" })],
    ]);

    const again = await call(owner);
    expect(again.status).toBe(200);
    expect(again.body.webhook.status).toBe("enabled");
  });
});
