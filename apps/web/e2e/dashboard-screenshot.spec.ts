import { expect, test } from "@playwright/test";
import { signIn, tenantUrl } from "./support/tenant-app";

// Visual smoke test: key pages render their shell and content (screenshots kept for review).
test("dashboard and projects render on desktop and mobile widths", async ({ page }, testInfo) => {
  await page.goto(tenantUrl("acme", "/signin"));
  await page.screenshot({ path: testInfo.outputPath("signin.png"), fullPage: true });
  await signIn(page, "acme", "owner");
  await expect(page.getByTestId("dashboard-roles")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("dashboard-desktop.png"), fullPage: true });
  await page.goto(tenantUrl("acme", "/projects"));
  await expect(page.getByTestId("project-list")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("projects-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(tenantUrl("acme", "/"));
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("dashboard-mobile.png"), fullPage: true });
});

test("the 403 page for a member on /settings", async ({ page }, testInfo) => {
  await signIn(page, "acme", "member");
  await page.goto(tenantUrl("acme", "/settings"));
  await expect(page.getByTestId("forbidden-message")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("forbidden.png"), fullPage: true });
});
