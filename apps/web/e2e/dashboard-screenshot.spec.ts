import { expect, test } from "@playwright/test";
import { signIn } from "./support/tenant-app";

// Visual smoke test: the dashboard renders its shell and cards (screenshots kept for review).
test("dashboard renders on desktop and mobile widths", async ({ page }, testInfo) => {
  await signIn(page, "acme", "owner");
  await expect(page.getByTestId("dashboard-roles")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("dashboard-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("dashboard-mobile.png"), fullPage: true });
});
