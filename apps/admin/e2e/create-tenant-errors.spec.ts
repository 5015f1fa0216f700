// The create-tenant form's errors are clear and next to the field: a taken slug (streamed
// conflict from provisioning) and an invalid slug (400 before anything starts).
import { expect, test } from "@playwright/test";
import { ADMIN_URL, OPS, signInOperator } from "./support/admin-app";

test("taken and invalid slugs are explained on the form", async ({ page }) => {
  await signInOperator(page, OPS);
  await page.goto(`${ADMIN_URL}/tenants/new`);

  await page.getByLabel("Slug").fill("acme");
  await page.getByLabel("Name").fill("Another Acme");
  const streamed = page.waitForResponse((r) => r.url().endsWith("/api/v1/tenants") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Create tenant" }).click();
  expect((await streamed).headers()["content-type"]).toContain("application/x-ndjson");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Pick another slug");
  await expect(page.getByText("Already taken")).toBeVisible();
  await expect(page.locator('[data-step="row-inserted"]')).toHaveAttribute("data-state", "failed");

  await page.getByLabel("Slug").fill("Bad_Slug");
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("invalid");
  // Refused before provisioning started: no step is marked failed.
  await expect(page.locator('[data-step="row-inserted"]')).toHaveAttribute("data-state", "pending");
});
