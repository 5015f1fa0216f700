import { expect, test } from "@playwright/test";
import { postCredentials, submitSignIn, tenantUrl, uniqueEmail } from "./support/tenant-app";

// playwright.config.ts sets SIGNIN_RATE_LIMIT_EMAIL for the stack it starts.
const EMAIL_LIMIT = Number(process.env.SIGNIN_RATE_LIMIT_EMAIL ?? 5);

test("the sign-in rate limit triggers after the configured number of failures", async ({ page }) => {
  const email = uniqueEmail("acme", "brute");
  for (let attempt = 1; attempt <= EMAIL_LIMIT; attempt++) {
    const response = await postCredentials("acme", email, `wrong-${attempt}`);
    expect(response.status, `attempt ${attempt}`).toBe(200);
    expect((response.json as { url: string }).url).toContain("error=CredentialsSignin");
  }

  const limited = await postCredentials("acme", email, "wrong-again");
  expect(limited.status).toBe(429);
  expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  expect(limited.json).toMatchObject({
    error: { code: "rate_limited", message: expect.stringContaining("Too many sign-in attempts") },
  });

  // The form shows the friendly message.
  await page.goto(tenantUrl("acme", "/signin"));
  await submitSignIn(page, email, "one-more-try");
  await expect(page.getByTestId("signin-error")).toContainText("Too many sign-in attempts");
});
