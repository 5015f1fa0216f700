// `support` operators get 403 on every mutation; a read-scope API token cannot write; tenant
// and operator tokens are not interchangeable between the two apps.
import { expect, test } from "@playwright/test";
import {
  ADMIN_URL,
  OPS,
  SEED_PASSWORD,
  SUPPORT,
  callAdmin,
  callTenant,
  operatorSessionCookie,
  signInOperator,
  signInTenantUser,
  tenantSessionCookie,
} from "./support/admin-app";

const uid = "00000000-0000-4000-8000-000000000000";
const MUTATIONS: [string, string, unknown?][] = [
  ["POST", "/api/v1/tenants", { slug: "nope-tenant", name: "Nope" }],
  ["DELETE", "/api/v1/tenants/acme"],
  ["POST", "/api/v1/tenants/acme/suspend"],
  ["POST", "/api/v1/tenants/acme/resume"],
  ["POST", "/api/v1/tenants/acme/members", { email: "x@acme.test", name: "X" }],
  ["PATCH", `/api/v1/tenants/acme/members/${uid}`, { disabled: true }],
  ["POST", "/api/v1/tenants/acme/roles", { key: "x-role", name: "X", permissions: [] }],
  ["PUT", "/api/v1/tenants/acme/roles/x-role", { name: "X", permissions: [] }],
  ["DELETE", "/api/v1/tenants/acme/roles/x-role"],
  ["POST", "/api/v1/revocations", { tenant: "acme", type: "tenant" }],
  ["POST", "/api/v1/api-tokens", { name: "x", scope: "write" }],
  ["DELETE", `/api/v1/api-tokens/${uid}`],
];

test("support operator: read-only console, 403 on every mutation", async ({ page }) => {
  await signInOperator(page, SUPPORT);
  await expect(page.getByText("Read-only access")).toBeVisible();
  await page.goto(`${ADMIN_URL}/tenants/acme`);
  await expect(page.getByRole("button", { name: "Suspend" })).toBeDisabled();
  const cookie = await operatorSessionCookie(page.context());
  expect((await callAdmin("/api/v1/tenants", { headers: { cookie } })).status).toBe(200);
  for (const [method, path, body] of MUTATIONS) {
    const res = await callAdmin(path, { method, headers: { cookie, origin: ADMIN_URL }, body });
    expect(res.status, `${method} ${path}`).toBe(403);
    expect(res.json).toMatchObject({ error: { code: "forbidden" } });
  }
  expect((await callAdmin("/api/v1/tenants/acme", { headers: { cookie } })).json).toMatchObject({
    tenant: { status: "active" },
  });
});

test("read-scope API token reads but cannot write; token shown once", async ({ page }) => {
  await signInOperator(page, OPS);
  await page.goto(`${ADMIN_URL}/api-tokens`);
  await page.getByLabel("Name").fill(`e2e-read-${Date.now()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-api-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^opk_/);
  await page.reload();
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);

  const bearer = { authorization: `Bearer ${token}` };
  expect((await callAdmin("/api/v1/tenants?q=acme", { headers: bearer })).status).toBe(200);
  expect((await callAdmin("/api/v1/audit?limit=5", { headers: bearer })).status).toBe(200);
  for (const [method, path, body] of MUTATIONS) {
    const res = await callAdmin(path, { method, headers: bearer, body });
    expect(res.status, `${method} ${path}`).toBe(403);
  }
});

test("tenant tokens are refused by the admin app and operator tokens by tenant hosts", async ({ browser }) => {
  const tenantUser = await browser.newPage();
  await signInTenantUser(tenantUser, "acme", "owner@acme.test", SEED_PASSWORD);
  const tenantCookie = await tenantSessionCookie(tenantUser.context(), "acme");
  const operator = await browser.newPage();
  await signInOperator(operator, OPS);
  const opCookie = await operatorSessionCookie(operator.context());

  const tenantValue = tenantCookie.split("=").slice(1).join("=");
  const opValue = opCookie.split("=").slice(1).join("=");
  expect(
    (await callAdmin("/api/v1/tenants", { headers: { cookie: `repo-admin.session=${tenantValue}` } })).status,
  ).toBe(401);
  expect((await callTenant("acme", "/api/me", { headers: { cookie: `repo.session=${opValue}` } })).status).toBe(401);
});
