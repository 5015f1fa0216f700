// GET|PUT|DELETE /api/v1/tenants/:slug/sso against real Postgres: the client secret is write-only
// and sealed at rest, bad input is a 400 with fields, support operators cannot change it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { getSsoSecretKey, openClientSecret } from "@repo/auth/sso";
import { setUpAdminTestEnv, randomSuffix, type AdminTestEnv } from "./support/admin-test-env";
import { callRoute } from "./support/call-route";
import { signOperatorCookie } from "./support/sign-operator-cookie";

let env: AdminTestEnv;
let routes: Awaited<ReturnType<typeof loadRoutes>>;
let owner: Record<string, string>;
let support: Record<string, string>;
let tenantId: string;
let databaseName: string;
const slug = `sso-${randomSuffix()}`;
const params = { slug };
const valid = {
  issuer: "http://localhost:3005",
  clientId: "platform-dev",
  clientSecret: "platform-dev-client-secret",
  domains: ["Acme.test"],
  defaultRoles: ["member"],
  enforced: false,
};

async function loadRoutes() {
  return {
    tenants: await import("../src/app/api/v1/tenants/route"),
    sso: await import("../src/app/api/v1/tenants/[slug]/sso/route"),
  };
}

async function readStoredRow() {
  const url = new URL(env.serverUrl);
  url.pathname = `/${databaseName}`;
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ client_secret_encrypted: string; domains: string[] }[]>`select * from sso_connection`;
    return row;
  } finally {
    await sql.end();
  }
}

beforeAll(async () => {
  env = await setUpAdminTestEnv();
  routes = await loadRoutes();
  owner = { cookie: await signOperatorCookie(env.ownerId, "owner"), origin: "http://localhost:3001" };
  support = { cookie: await signOperatorCookie(env.supportId, "support"), origin: "http://localhost:3001" };
  const created = await callRoute(routes.tenants.POST, "POST", "/api/v1/tenants", {
    headers: owner,
    body: { slug, name: "SSO Test" },
  });
  expect(created.status).toBe(201);
  tenantId = created.body.tenant.id;
  databaseName = created.body.tenant.databaseName;
}, 60_000);

afterAll(async () => {
  const { closeAdminRoot } = await import("../src/server/admin-root");
  await closeAdminRoot();
  await env?.cleanup();
});

describe("tenant SSO connection API", () => {
  it("404 before a connection exists; a new connection needs its secret", async () => {
    expect(
      (await callRoute(routes.sso.GET, "GET", `/api/v1/tenants/${slug}/sso`, { headers: owner, params })).status,
    ).toBe(404);
    const { clientSecret: _omit, ...withoutSecret } = valid;
    const res = await callRoute(routes.sso.PUT, "PUT", `/api/v1/tenants/${slug}/sso`, {
      headers: owner,
      params,
      body: withoutSecret,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.clientSecret).toBeDefined();
  });

  it.each([
    ["an http issuer on a public host", { issuer: "http://idp.example.com" }, "issuer"],
    ["a wildcard domain", { domains: ["*.acme.test"] }, "domains.0"],
    ["an unknown default role", { defaultRoles: ["nope"] }, "defaultRoles"],
    ["a non-boolean enforced", { enforced: "yes" }, "enforced"],
  ])("400 with fields for %s", async (_name, patch, field) => {
    const res = await callRoute(routes.sso.PUT, "PUT", `/api/v1/tenants/${slug}/sso`, {
      headers: owner,
      params,
      body: { ...valid, ...patch },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });

  it("saves the connection with the secret sealed at rest and never returned", async () => {
    const res = await callRoute(routes.sso.PUT, "PUT", `/api/v1/tenants/${slug}/sso`, {
      headers: owner,
      params,
      body: valid,
    });
    expect(res.status).toBe(200);
    expect(res.body.connection).toMatchObject({
      issuer: valid.issuer,
      clientId: valid.clientId,
      domains: ["acme.test"],
      hasClientSecret: true,
    });
    expect(JSON.stringify(res.body)).not.toContain(valid.clientSecret);
    const got = await callRoute(routes.sso.GET, "GET", `/api/v1/tenants/${slug}/sso`, { headers: owner, params });
    expect(JSON.stringify(got.body)).not.toContain(valid.clientSecret);
    const row = await readStoredRow();
    expect(row!.client_secret_encrypted).not.toContain(valid.clientSecret);
    expect(await openClientSecret(row!.client_secret_encrypted, await getSsoSecretKey(), tenantId)).toBe(
      valid.clientSecret,
    );
  });

  it("an update without a secret keeps the stored one", async () => {
    const { clientSecret: _omit, ...rest } = valid;
    const res = await callRoute(routes.sso.PUT, "PUT", `/api/v1/tenants/${slug}/sso`, {
      headers: owner,
      params,
      body: { ...rest, enforced: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.connection.enforced).toBe(true);
    const row = await readStoredRow();
    expect(await openClientSecret(row!.client_secret_encrypted, await getSsoSecretKey(), tenantId)).toBe(
      valid.clientSecret,
    );
  });

  it("support operators can read but not change or delete it", async () => {
    expect(
      (await callRoute(routes.sso.GET, "GET", `/api/v1/tenants/${slug}/sso`, { headers: support, params })).status,
    ).toBe(200);
    expect(
      (await callRoute(routes.sso.PUT, "PUT", `/api/v1/tenants/${slug}/sso`, { headers: support, params, body: valid }))
        .status,
    ).toBe(403);
    expect(
      (await callRoute(routes.sso.DELETE, "DELETE", `/api/v1/tenants/${slug}/sso`, { headers: support, params }))
        .status,
    ).toBe(403);
  });

  it("DELETE removes it (204, then 404); unknown tenant is 404", async () => {
    expect(
      (await callRoute(routes.sso.DELETE, "DELETE", `/api/v1/tenants/${slug}/sso`, { headers: owner, params })).status,
    ).toBe(204);
    expect(
      (await callRoute(routes.sso.DELETE, "DELETE", `/api/v1/tenants/${slug}/sso`, { headers: owner, params })).status,
    ).toBe(404);
    expect(
      (
        await callRoute(routes.sso.GET, "GET", "/api/v1/tenants/nope-x/sso", {
          headers: owner,
          params: { slug: "nope-x" },
        })
      ).status,
    ).toBe(404);
  });
});
