// Dashboard renders its figures and the inline-SVG chart; the audit log shows sign-ins
// (failed too), filters, and exports CSV.
import { expect, test } from "@playwright/test";
import { ADMIN_URL, OPS, signInOperator, signInOperatorViaForm } from "./support/admin-app";

test("dashboard shows tenants by status and the daily chart", async ({ page }) => {
  await signInOperator(page, OPS);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Sign-ins and revocations per day" })).toBeVisible();
  await expect(page.getByText("Tenants by status")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("dashboard.png"), fullPage: true });
});

test("audit log records a failed sign-in, filters by action and exports CSV", async ({ page }) => {
  await page.goto(`${ADMIN_URL}/signin`);
  await page.getByLabel("Email").fill(OPS);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match")).toBeVisible();
  await signInOperatorViaForm(page, OPS);

  await page.goto(`${ADMIN_URL}/audit?action=operator.sign_in&actor=${encodeURIComponent(OPS)}`);
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: "failure" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "success" }).first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
});
