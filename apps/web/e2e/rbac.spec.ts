import { expect, test } from "@playwright/test";
import { callTenantApi, sessionCookie, signIn, tenantUrl } from "./support/tenant-app";

test("member: 403 page on /settings, no delete controls, and the server refuses deletes", async ({ page, context }) => {
  await signIn(page, "acme", "member");
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);

  const settings = await page.goto(tenantUrl("acme", "/settings"));
  expect(settings?.status()).toBe(403);
  await expect(page.getByTestId("forbidden-message")).toBeVisible();
  await expect(page).toHaveURL(tenantUrl("acme", "/settings"));

  await page.goto(tenantUrl("acme", "/projects"));
  await expect(page.getByTestId("project-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);

  const cookie = await sessionCookie(context, "acme");
  const list = await callTenantApi("acme", "/api/projects", { cookie });
  expect(list.status).toBe(200);
  const [project] = (list.json as { projects: { id: string }[] }).projects;
  const deleted = await callTenantApi("acme", `/api/projects/${project!.id}`, { method: "DELETE", cookie });
  expect(deleted.status).toBe(403);
  expect(deleted.json).toMatchObject({ error: { code: "forbidden" } });
  const settingsApi = await callTenantApi("acme", "/settings", { cookie });
  expect(settingsApi.status).toBe(403);
});

test("viewer: no create form, and the server refuses creates", async ({ page, context }) => {
  await signIn(page, "acme", "viewer", "/projects");
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create project" })).toHaveCount(0);

  const cookie = await sessionCookie(context, "acme");
  const created = await callTenantApi("acme", "/api/projects", {
    method: "POST",
    cookie,
    body: JSON.stringify({ name: "Viewer was here" }),
  });
  expect(created.status).toBe(403);
  expect(created.json).toMatchObject({ error: { code: "forbidden" } });
});

test("owner: creates and deletes a project in the UI; the API validates input and checks Origin", async ({
  page,
  context,
}) => {
  await signIn(page, "acme", "owner", "/projects");
  const name = `E2E project ${Date.now()}`;
  await page.getByLabel("Project name").fill(name);
  await page.getByRole("button", { name: "Create project" }).click();
  const row = page.getByTestId("project-row").filter({ hasText: name });
  await expect(row).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(row).toHaveCount(0);

  const cookie = await sessionCookie(context, "acme");
  const invalid = await callTenantApi("acme", "/api/projects", {
    method: "POST",
    cookie,
    body: JSON.stringify({ name: "" }),
  });
  expect(invalid.status).toBe(400);
  expect(invalid.json).toMatchObject({ error: { code: "invalid_request", fields: { name: [expect.any(String)] } } });

  const crossSite = await callTenantApi("acme", "/api/projects", {
    method: "POST",
    cookie,
    origin: "http://globex.localhost:3000",
    body: JSON.stringify({ name: "CSRF" }),
  });
  expect(crossSite.status).toBe(403);

  const created = await callTenantApi("acme", "/api/projects", {
    method: "POST",
    cookie,
    body: JSON.stringify({ name: "API project" }),
  });
  expect(created.status).toBe(201);
  const { id } = created.json as { id: string };
  expect((await callTenantApi("acme", `/api/projects/${id}`, { method: "DELETE", cookie })).status).toBe(204);
  expect((await callTenantApi("acme", `/api/projects/${id}`, { method: "DELETE", cookie })).status).toBe(404);
});
