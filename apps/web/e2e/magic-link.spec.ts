import { expect, test } from "@playwright/test";
import { waitForMailLink } from "./support/read-mail";
import { callTenantApi, seedEmail, tenantUrl } from "./support/tenant-app";

// Read-only on globex's seeded viewer: a sign-in link changes no data.
test("sign-in link → mail → confirm page (opening it consumes nothing) → signed in", async ({ page }) => {
  const email = seedEmail("viewer", "globex");
  await page.goto(tenantUrl("globex", "/signin"));
  const form = page.getByTestId("email-link-form");
  await form.getByRole("textbox").fill(email);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("email-link-result")).toContainText("we've sent it a sign-in link");

  const { subject, link } = await waitForMailLink(email, tenantUrl("globex", "/signin/email?"));
  expect(subject).toContain("Globex Corp");
  // A mail scanner fetching the page (or the Auth.js callback by GET) burns nothing.
  const query = link.split("?")[1]!;
  expect((await callTenantApi("globex", `/api/auth/callback/nodemailer?${query}`)).status).toBe(303);

  await page.goto(link);
  await expect(page.getByTestId("confirm-email")).toHaveText(email);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(tenantUrl("globex", "/"));
  const me = await page.evaluate(async () => (await fetch("/api/me")).json());
  expect(me).toMatchObject({ user: { email }, roles: ["viewer"] });
});
