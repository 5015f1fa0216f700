// Operator creates tenant `initech` and a user there (UI); the user signs in on
// initech.localhost:3000; the operator revokes the user → their next request is rejected (≤ 1 s).
import { expect, test } from "@playwright/test";
import {
  ADMIN_URL,
  OPS,
  callAdmin,
  callTenant,
  operatorSessionCookie,
  signInOperator,
  signInTenantUser,
  tenantSessionCookie,
} from "./support/admin-app";

test.describe.configure({ mode: "serial" });

test("create initech + a user; the user signs in; revoking them rejects their next request within 1 s", async ({
  browser,
}) => {
  const operator = await browser.newPage();
  await signInOperator(operator, OPS);
  const opCookie = await operatorSessionCookie(operator.context());
  // Re-runnable against a reused stack: remove a leftover initech first.
  await callAdmin("/api/v1/tenants/initech", {
    method: "DELETE",
    headers: { cookie: opCookie, origin: ADMIN_URL },
    body: { confirm: "initech" },
  });

  await operator.goto(`${ADMIN_URL}/tenants/new`);
  await operator.getByLabel("Slug").fill("initech");
  await operator.getByLabel("Name").fill("Initech");
  await operator.getByRole("button", { name: "Create tenant" }).click();
  await expect(operator.getByRole("status")).toContainText("initech", { timeout: 30_000 });
  // Real server-side steps were streamed (NDJSON), every one completed.
  for (const step of ["row-inserted", "database-created", "migrated", "roles-seeded", "active"]) {
    await expect(operator.locator(`[data-step="${step}"]`)).toHaveAttribute("data-state", "done");
  }

  await operator.goto(`${ADMIN_URL}/tenants/initech/members`);
  await operator.getByLabel("Email").fill("peter@initech.test");
  await operator.getByLabel("Name").fill("Peter Gibbons");
  await operator.getByRole("button", { name: "Create member" }).click();
  const password = (await operator.getByTestId("initial-password").textContent())?.trim() ?? "";
  expect(password.length).toBeGreaterThanOrEqual(20);
  await expect(operator.getByRole("link", { name: "peter@initech.test" })).toBeVisible();

  const userPage = await browser.newPage();
  await signInTenantUser(userPage, "initech", "peter@initech.test", password);
  const userCookie = await tenantSessionCookie(userPage.context(), "initech");
  const me = await callTenant("initech", "/api/me", { headers: { cookie: userCookie } });
  expect(me.status).toBe(200);
  const userId = (me.json as { user: { id: string } }).user.id;

  // Revoke through the console (confirmation dialog), then time the user's next request.
  await operator.goto(`${ADMIN_URL}/tenants/initech/members/${userId}`);
  await operator.getByRole("button", { name: "Revoke all sessions" }).click();
  const dialog = operator.getByRole("dialog");
  const revoked = operator.waitForResponse(
    (r) => r.url().endsWith("/api/v1/revocations") && r.request().method() === "POST",
  );
  await dialog.getByRole("button", { name: "Revoke all sessions" }).click();
  expect((await revoked).status()).toBe(201);
  const t0 = Date.now();
  let status = 0;
  while (Date.now() - t0 < 1000) {
    status = (await callTenant("initech", "/api/me", { headers: { cookie: userCookie } })).status;
    if (status === 401) break;
  }
  expect(status, "user's next request after revocation").toBe(401);
  expect(Date.now() - t0).toBeLessThan(1000);

  // The browser too: the next page load lands on sign-in.
  await userPage.goto("http://initech.localhost:3000/projects");
  await expect(userPage).toHaveURL(/\/signin/);
});
