// Role change (member → admin) in the console → the user's next request carries the new
// permissions (token re-issued by the gate), and they are still signed in.
import { expect, test } from "@playwright/test";
import {
  ADMIN_URL,
  OPS,
  SEED_PASSWORD,
  callAdmin,
  callTenant,
  nextCookie,
  operatorSessionCookie,
  signInOperator,
  signInTenantUser,
  tenantSessionCookie,
} from "./support/admin-app";

type Me = { user: { id: string }; roles: string[]; permissions: string[] };

test("member → admin takes effect on the next request without signing the user out", async ({ browser }) => {
  const user = await browser.newPage();
  await signInTenantUser(user, "acme", "member@acme.test", SEED_PASSWORD);
  let cookie = await tenantSessionCookie(user.context(), "acme");
  const before = await callTenant("acme", "/api/me", { headers: { cookie } });
  expect(before.status).toBe(200);
  const me = before.json as Me;
  expect(me.roles).toEqual(["member"]);
  expect(me.permissions).not.toContain("members:write");

  const operator = await browser.newPage();
  await signInOperator(operator, OPS);
  const opCookie = await operatorSessionCookie(operator.context());
  try {
    await operator.goto(`${ADMIN_URL}/tenants/acme/members/${me.user.id}`);
    await operator.getByRole("checkbox", { name: /^Admin/ }).check();
    await operator.getByRole("checkbox", { name: /^Member/ }).uncheck();
    await operator.getByRole("button", { name: "Save roles" }).click();
    await expect(operator.getByRole("status")).toContainText("Saved");

    const after = await callTenant("acme", "/api/me", { headers: { cookie } });
    expect(after.status, "still signed in").toBe(200);
    expect((after.json as Me).roles).toEqual(["admin"]);
    expect((after.json as Me).permissions).toContain("members:write");
    // The re-issued token (new cookie) carries the new claims too.
    cookie = nextCookie(cookie, after);
    const again = await callTenant("acme", "/api/me", { headers: { cookie } });
    expect((again.json as Me).roles).toEqual(["admin"]);
    // And the browser session is intact.
    await user.goto("http://acme.localhost:3000/members");
    await expect(user).not.toHaveURL(/\/signin/);
  } finally {
    await callAdmin(`/api/v1/tenants/acme/members/${me.user.id}`, {
      method: "PATCH",
      headers: { cookie: opCookie, origin: ADMIN_URL },
      body: { roles: ["member"] },
    });
  }
});
