import { expect, test } from "@playwright/test";
import { callTenantApi, sessionCookie, signIn, tenantUrl } from "./support/tenant-app";

test("an acme session does not authenticate on globex (browser and API)", async ({ page, context }) => {
  await signIn(page, "acme", "owner");
  const cookie = await sessionCookie(context, "acme");

  // The cookie is host-only, so the browser does not send it to globex at all…
  await page.goto(tenantUrl("globex", "/"));
  await expect(page).toHaveURL(tenantUrl("globex", "/signin?callbackUrl=%2F"));
  await expect(page.getByTestId("signin-tenant-name")).toHaveText("Globex Corp");

  // …and planting it on globex (a stolen cookie) still gets the globex sign-in page.
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: tenantUrl("globex") }]);
  await page.goto(tenantUrl("globex", "/projects"));
  await expect(page).toHaveURL(tenantUrl("globex", "/signin?callbackUrl=%2Fprojects"));
  await expect(page.getByTestId("signin-tenant-name")).toHaveText("Globex Corp");

  // The acme token sent to globex's API: 401 in the one error shape.
  const me = await callTenantApi("globex", "/api/me", { cookie });
  expect(me.status).toBe(401);
  expect(me.json).toMatchObject({ error: { code: "unauthenticated" } });
  const projects = await callTenantApi("globex", "/api/projects", { cookie });
  expect(projects.status).toBe(401);

  // Sanity: the same cookie works on its own host.
  const ownMe = await callTenantApi("acme", "/api/me", { cookie });
  expect(ownMe.status).toBe(200);
  expect(ownMe.json).toMatchObject({ tenant: { slug: "acme", name: "Acme Inc" }, roles: ["owner"] });
});

test("client-sent x-repo-* headers are ignored", async () => {
  const me = await callTenantApi("acme", "/api/me", {
    headers: { "x-repo-tenant-id": "forged", "x-repo-user-id": "forged", "x-repo-permissions": "tenant:manage" },
  });
  expect(me.status).toBe(401);
  expect(me.json).toMatchObject({ error: { code: "unauthenticated" } });
});
