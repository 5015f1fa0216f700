// Operator suspends globex → a signed-in globex user is out on the next request and sees the
// suspended page; resume → they can sign in again.
import { expect, test } from "@playwright/test";
import {
  ADMIN_URL,
  OPS,
  SEED_PASSWORD,
  callAdmin,
  callTenant,
  operatorSessionCookie,
  signInOperator,
  signInTenantUser,
  tenantSessionCookie,
  tenantUrl,
} from "./support/admin-app";

test("suspend globex signs its users out onto the suspended page; resume lets them back in", async ({ browser }) => {
  const operator = await browser.newPage();
  await signInOperator(operator, OPS);
  const opCookie = await operatorSessionCookie(operator.context());
  const user = await browser.newPage();
  await signInTenantUser(user, "globex", "viewer@globex.test", SEED_PASSWORD);
  const userCookie = await tenantSessionCookie(user.context(), "globex");

  try {
    await operator.goto(`${ADMIN_URL}/tenants/globex`);
    await operator.getByRole("button", { name: "Suspend" }).click();
    await operator.getByRole("dialog").getByRole("button", { name: "Suspend" }).click();
    await expect(operator.getByText("suspended", { exact: true }).first()).toBeVisible();

    // Out on the very next request (tenant epoch in Redis)…
    const next = await callTenant("globex", "/api/me", { headers: { cookie: userCookie } });
    expect([401, 403]).toContain(next.status);
    // …and the browser's next page is the suspended page (the web app re-reads the tenant when
    // a token dies by the tenant epoch, so its tenant cache cannot show a stale sign-in page).
    await user.goto(tenantUrl("globex", "/projects"));
    await expect(user.getByTestId("tenant-suspended")).toBeVisible();

    await operator.getByRole("button", { name: "Resume" }).click();
    await operator.getByRole("dialog").getByRole("button", { name: "Resume" }).click();
    await expect(operator.getByRole("button", { name: "Suspend" })).toBeVisible();

    // The old session stays dead (401 by the tenant epoch, or 403 while the web app's tenant
    // cache still says "suspended"); a fresh sign-in works once the cache sees "active".
    expect([401, 403]).toContain((await callTenant("globex", "/api/me", { headers: { cookie: userCookie } })).status);
    await expect(async () => {
      await user.goto(tenantUrl("globex", "/signin"));
      await expect(user.getByLabel("Email")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await signInTenantUser(user, "globex", "viewer@globex.test", SEED_PASSWORD);
    const fresh = await tenantSessionCookie(user.context(), "globex");
    expect((await callTenant("globex", "/api/me", { headers: { cookie: fresh } })).status).toBe(200);
  } finally {
    await callAdmin("/api/v1/tenants/globex/resume", {
      method: "POST",
      headers: { cookie: opCookie, origin: ADMIN_URL },
    });
  }
});
