import { expect, test } from "@playwright/test";
import { SEED_PASSWORD, seedEmail, signIn, submitSignIn, tenantUrl, uniqueEmail } from "./support/tenant-app";

test.describe("sign-in per tenant", () => {
  test("signing in on acme shows Acme and the user's roles on the dashboard", async ({ page }) => {
    await page.goto(tenantUrl("acme", "/signin"));
    await expect(page.getByTestId("signin-tenant-name")).toHaveText("Acme Inc");
    await submitSignIn(page, seedEmail("owner", "acme"), SEED_PASSWORD);
    await page.waitForURL(tenantUrl("acme", "/"));
    await expect(page.getByTestId("tenant-name")).toHaveText("Acme Inc");
    await expect(page.getByTestId("dashboard-tenant-name")).toHaveText("Acme Inc");
    await expect(page.getByTestId("dashboard-roles")).toContainText("owner");
    await expect(page.getByTestId("user-email")).toHaveText("owner@acme.test");
  });

  test("opening /projects signed out goes to sign-in and back to /projects, without a loop", async ({ page }) => {
    await page.goto(tenantUrl("acme", "/projects"));
    await expect(page).toHaveURL(tenantUrl("acme", "/signin?callbackUrl=%2Fprojects"));
    await submitSignIn(page, seedEmail("viewer", "acme"), SEED_PASSWORD);
    await page.waitForURL(tenantUrl("acme", "/projects"));
    await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(tenantUrl("acme", "/projects"));
    await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  });

  test("an off-site callbackUrl is ignored: the user lands on the dashboard of the same host", async ({ page }) => {
    await page.goto(tenantUrl("acme", `/signin?callbackUrl=${encodeURIComponent("//evil.example.com/steal")}`));
    await submitSignIn(page, seedEmail("member", "acme"), SEED_PASSWORD);
    await page.waitForURL(tenantUrl("acme", "/"));
    await expect(page.getByTestId("dashboard-tenant-name")).toHaveText("Acme Inc");
  });

  test("wrong credentials show one generic message, whether or not the email exists", async ({ page }) => {
    await page.goto(tenantUrl("globex", "/signin"));
    await expect(page.getByTestId("signin-tenant-name")).toHaveText("Globex Corp");
    await submitSignIn(page, seedEmail("viewer", "globex"), "not-the-password");
    const error = page.getByTestId("signin-error");
    await expect(error).toHaveText("That email and password don't match. Check both and try again.");
    await submitSignIn(page, uniqueEmail("globex", "nobody"), "not-the-password");
    await expect(error).toHaveText("That email and password don't match. Check both and try again.");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an unknown tenant gets a 404 page", async ({ page }) => {
    const response = await page.goto(tenantUrl("no-such-tenant", "/signin"));
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("tenant-not-found")).toBeVisible();
  });

  test("signing in twice in a row never loops", async ({ page }) => {
    await signIn(page, "acme", "admin", "/members");
    await page.goto(tenantUrl("acme", "/signin?callbackUrl=%2Fmembers"));
    await expect(page.getByText("You are already signed in as admin@acme.test.")).toBeVisible();
    await page.getByRole("link", { name: "Continue" }).click();
    await page.waitForURL(tenantUrl("acme", "/members"));
    await expect(page.getByTestId("member-table")).toContainText("owner@acme.test");
  });
});
