// Operators API against real Postgres + Redis: owners only, the last enabled owner is kept,
// disabling ends the operator's sessions and API tokens, every change is audited, bad input is a 4xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";

let env: AdminTestEnv;
let routes: Awaited<ReturnType<typeof loadRoutes>>;
let owner: Record<string, string>;
let support: Record<string, string>;
const ORIGIN = "http://localhost:3001";

async function loadRoutes() {
  return {
    operators: await import("../src/app/api/v1/operators/route"),
    operator: await import("../src/app/api/v1/operators/[id]/route"),
    tenants: await import("../src/app/api/v1/tenants/route"),
    apiTokens: await import("../src/app/api/v1/api-tokens/route"),
    audit: await import("../src/app/api/v1/audit/route"),
  };
}

const patch = (id: string, body: unknown, headers = owner) =>
  callRoute(routes.operator.PATCH, "PATCH", `/api/v1/operators/${id}`, { headers, body, params: { id } });
const create = (body: unknown, headers = owner) =>
  callRoute(routes.operators.POST, "POST", "/api/v1/operators", { headers, body });

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  routes = await loadRoutes();
  owner = { cookie: await signOperatorCookie(env.ownerId, "owner"), origin: ORIGIN };
  support = { cookie: await signOperatorCookie(env.supportId, "support"), origin: ORIGIN };
}, 60_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

describe("operators API", () => {
  it("lists operators for owners only, never with password hashes", async () => {
    const list = await callRoute(routes.operators.GET, "GET", "/api/v1/operators", { headers: owner });
    expect(list.status).toBe(200);
    expect(list.body.operators.map((o: { email: string }) => o.email)).toEqual(
      expect.arrayContaining(["ops@example.test", "support@example.test"]),
    );
    expect(JSON.stringify(list.body)).not.toMatch(/password|hash|\$argon2/i);
    const denied = await callRoute(routes.operators.GET, "GET", "/api/v1/operators", { headers: support });
    expect(denied.status).toBe(403);
    expect((await callRoute(routes.operators.GET, "GET", "/api/v1/operators")).status).toBe(401);
  });

  it("creates an operator (generated password returned once), refuses duplicates and support callers", async () => {
    const email = `new-${randomSuffix()}@example.test`;
    const created = await create({ email: email.toUpperCase(), name: "New Op", role: "support" });
    expect(created.status).toBe(201);
    expect(created.body.operator).toMatchObject({ email, role: "support", disabled: false });
    expect(created.body.initialPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await create({ email, name: "Again" })).status).toBe(409);
    expect((await create({ email: `x-${randomSuffix()}@example.test`, name: "X" }, support)).status).toBe(403);
    const chosen = await create({
      email: `pw-${randomSuffix()}@example.test`,
      name: "Pw",
      password: "a-long-enough-password",
    });
    expect(chosen.status).toBe(201);
    expect(chosen.body.initialPassword).toBeNull();
  });

  it.each([
    ["no body", undefined],
    ["bad email", { email: "not-an-email", name: "x" }],
    ["unknown role", { email: "r@example.test", name: "x", role: "root" }],
    ["short password", { email: "p@example.test", name: "x", password: "short" }],
    ["empty name", { email: "n@example.test", name: "  " }],
    ["array body", [1, 2]],
  ])("POST with %s → 400 with fields", async (_name, body) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
  });

  it.each([
    ["empty patch", {}],
    ["unknown field", { role: "owner", email: "x@example.test" }],
    ["bad role", { role: "admin" }],
    ["disabled not boolean", { disabled: "yes" }],
  ])("PATCH with %s → 400", async (_name, body) => {
    expect((await patch(env.supportId, body)).status).toBe(400);
  });

  it("PATCH an unknown or malformed id → 404 / 400", async () => {
    expect((await patch(crypto.randomUUID(), { role: "owner" })).status).toBe(404);
    expect((await patch("not-a-uuid", { role: "owner" })).status).toBe(400);
  });

  it("keeps the last enabled owner: no demotion or disabling (409), concurrent demotions leave one owner", async () => {
    // Demote every other owner first, so ops@ is the only one.
    const list = await callRoute(routes.operators.GET, "GET", "/api/v1/operators", { headers: owner });
    for (const o of list.body.operators as { id: string; role: string }[]) {
      if (o.role === "owner" && o.id !== env.ownerId) expect((await patch(o.id, { role: "support" })).status).toBe(200);
    }
    expect((await patch(env.ownerId, { role: "support" })).status).toBe(409);
    expect((await patch(env.ownerId, { disabled: true })).body.error.code).toBe("conflict");

    // Two owners demote themselves at the same time: exactly one wins, one owner remains.
    const second = await create({ email: `owner2-${randomSuffix()}@example.test`, name: "Owner 2", role: "owner" });
    const secondId = second.body.operator.id as string;
    const secondCookie = { cookie: await signOperatorCookie(secondId, "owner"), origin: ORIGIN };
    const [mine, theirs] = await Promise.all([
      patch(env.ownerId, { role: "support" }),
      patch(secondId, { role: "support" }, secondCookie),
    ]);
    expect([mine.status, theirs.status].sort()).toEqual([200, 409]);
    const remaining = mine.status === 200 ? secondCookie : owner;
    const after = await callRoute(routes.operators.GET, "GET", "/api/v1/operators", { headers: remaining });
    const owners = (after.body.operators as { role: string; disabled: boolean }[]).filter(
      (o) => o.role === "owner" && !o.disabled,
    );
    expect(owners).toHaveLength(1);
    // Restore ops@ as an owner for the next tests.
    if (mine.status === 200) expect((await patch(env.ownerId, { role: "owner" }, secondCookie)).status).toBe(200);
  });

  it("disabling ends the operator's sessions and API tokens; the change is audited", async () => {
    const email = `victim-${randomSuffix()}@example.test`;
    const created = await create({ email, name: "Victim", role: "owner" });
    const id = created.body.operator.id as string;
    const victimCookie = { cookie: await signOperatorCookie(id, "owner"), origin: ORIGIN };
    const token = await callRoute(routes.apiTokens.POST, "POST", "/api/v1/api-tokens", {
      headers: victimCookie,
      body: { name: "victim", scope: "read", expiresInDays: 1 },
    });
    expect(token.status).toBe(201);
    const bearer = { authorization: `Bearer ${token.body.token.token as string}` };
    expect((await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: victimCookie })).status).toBe(200);

    expect((await patch(id, { disabled: true })).body.operator.disabled).toBe(true);
    expect((await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: victimCookie })).status).toBe(401);
    expect((await callRoute(routes.tenants.GET, "GET", "/api/v1/tenants", { headers: bearer })).status).toBe(401);

    const audit = await callRoute(routes.audit.GET, "GET", "/api/v1/audit", {
      headers: owner,
      query: { action: "operator.update" },
    });
    const entry = (audit.body.entries as { target: string; metadata: Record<string, unknown> }[]).find(
      (e) => e.target === `operator:${id}`,
    );
    expect(entry?.metadata).toMatchObject({ outcome: "success", disabled: true, email });
  });

  it("error bodies carry the request id the proxy assigned", async () => {
    const res = await callRoute(routes.operators.GET, "GET", "/api/v1/operators", {
      headers: { ...support, "x-request-id": "req-0123456789abcdef" },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.requestId).toBe("req-0123456789abcdef");
    expect(res.response.headers.get("x-request-id")).toBe("req-0123456789abcdef");
  });
});
