// Operator sign-in has the same brute-force limit as tenant sign-in: after the configured number
// of failures for one email the form says to wait (429 from the limiter). Answered attempts are
// audited one row each; refusals are counted per (email, hour) in sign_in_refusals, not one
// audit row per request (a flood can't grow the append-only log). A throwaway email keeps the seeded operators' windows clean.
import { expect, test } from "@playwright/test";
import { ADMIN_URL, OPS, signInOperator } from "./support/admin-app";

// playwright.config.ts sets SIGNIN_RATE_LIMIT_EMAIL for the stack it starts.
const EMAIL_LIMIT = Number(process.env.SIGNIN_RATE_LIMIT_EMAIL ?? 5);

test("the operator sign-in form shows a friendly message once the limit is reached; only answered attempts are audited", async ({
  page,
  browser,
}) => {
  const email = `brute-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  await page.goto(`${ADMIN_URL}/signin`);
  for (let attempt = 1; attempt <= EMAIL_LIMIT + 1; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    const response = page.waitForResponse((r) => r.url().endsWith("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    const status = (await response).status();
    if (attempt <= EMAIL_LIMIT) {
      expect(status, `attempt ${attempt}`).toBe(200);
      await expect(alert).toContainText("That email and password don't match");
    } else {
      expect(status).toBe(429);
      expect(Number((await response).headers()["retry-after"])).toBeGreaterThan(0);
      await expect(alert).toContainText("Too many sign-in attempts");
      await expect(alert).toContainText("please wait");
    }
  }

  const operator = await (await browser.newContext()).newPage();
  await signInOperator(operator, OPS);
  await operator.goto(`${ADMIN_URL}/audit?action=operator.sign_in&actor=${encodeURIComponent(email)}`);
  const rows = operator.locator("tbody tr");
  await expect(rows.filter({ hasText: "failure" })).toHaveCount(EMAIL_LIMIT);
  await expect(rows.filter({ hasText: "rate_limited" })).toHaveCount(0);
});
