import { expect, test } from "@playwright/test";
import { callTenantApi, sessionCookie, signIn, tenantUrl } from "./support/tenant-app";

test("sign-out revokes the session server-side: replaying the old cookie gets 401", async ({ page, context }) => {
  await signIn(page, "acme", "admin");
  const cookie = await sessionCookie(context, "acme");
  expect((await callTenantApi("acme", "/api/me", { cookie })).status).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
  await expect(page.getByTestId("signin-tenant-name")).toHaveText("Acme Inc");

  const replay = await callTenantApi("acme", "/api/me", { cookie });
  expect(replay.status).toBe(401);
  expect(replay.json).toMatchObject({ error: { code: "unauthenticated" } });

  // And in the browser: planting the old cookie again still lands on sign-in.
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: tenantUrl("acme") }]);
  await page.goto(tenantUrl("acme", "/"));
  await expect(page).toHaveURL(/\/signin/);
});
