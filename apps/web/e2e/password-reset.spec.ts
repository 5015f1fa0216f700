import { expect, test } from "@playwright/test";
import { waitForMailLink } from "./support/read-mail";
import { callTenantApi, sessionCookie, signIn, submitSignIn, tenantUrl, uniqueEmail } from "./support/tenant-app";

// globex: this spec creates its own user (through an invitation), so it never changes a seeded password.
test("forgot → mail → reset → the old session is refused, the new password works", async ({ page, browser }) => {
  const email = uniqueEmail("globex", "forgetful");
  const oldPassword = "the-old-password-1";
  const newPassword = "the-new-password-2";

  // Setup through the API: the owner invites, the invitee accepts with a password.
  await signIn(page, "globex", "owner", "/");
  const ownerCookie = await sessionCookie(page.context(), "globex");
  const invited = await callTenantApi("globex", "/api/invitations", {
    method: "POST",
    cookie: ownerCookie,
    body: JSON.stringify({ email, roles: ["viewer"] }),
  });
  expect(invited.status).toBe(201);
  const invite = await waitForMailLink(email, tenantUrl("globex", "/invite/"));
  const token = invite.link.split("/invite/")[1]!;
  const accepted = await callTenantApi("globex", "/api/invitations/accept", {
    method: "POST",
    body: JSON.stringify({ token, name: "Forgetful", password: oldPassword }),
  });
  expect(accepted.status).toBe(200);

  // The user signs in on "device A" and keeps that session.
  const deviceA = await browser.newContext();
  const pageA = await deviceA.newPage();
  await pageA.goto(tenantUrl("globex", "/signin"));
  await submitSignIn(pageA, email, oldPassword);
  await pageA.waitForURL(tenantUrl("globex", "/"));
  const oldCookie = await sessionCookie(deviceA, "globex");
  expect((await callTenantApi("globex", "/api/me", { cookie: oldCookie })).status).toBe(200);

  // On "device B": forgot password from the sign-in page.
  const deviceB = await browser.newContext();
  const pageB = await deviceB.newPage();
  await pageB.goto(tenantUrl("globex", "/signin"));
  await pageB.getByTestId("forgot-password-link").click();
  // The link navigates client-side: fill the forgot form, not the sign-in form still on screen.
  await pageB.waitForURL(tenantUrl("globex", "/forgot-password"));
  await expect(pageB.getByRole("button", { name: "Send reset link" })).toBeVisible();
  await pageB.getByLabel("Email").fill(email);
  await pageB.getByRole("button", { name: "Send reset link" }).click();
  await expect(pageB.getByTestId("forgot-result")).toContainText("If an account with that email exists");

  const reset = await waitForMailLink(email, tenantUrl("globex", "/reset-password/"));
  expect(reset.subject).toContain("Globex Corp");
  await pageB.goto(reset.link);
  await pageB.getByLabel(/New password/).fill(newPassword);
  await pageB.getByRole("button", { name: "Set new password" }).click();
  await expect(pageB.getByTestId("reset-result")).toContainText("Your password has been changed");

  // The old session is refused at once, by the API and in the browser.
  expect((await callTenantApi("globex", "/api/me", { cookie: oldCookie })).status).toBe(401);
  await pageA.goto(tenantUrl("globex", "/"));
  await expect(pageA).toHaveURL(/\/signin/);

  // The link is single-use; the new password signs in.
  await pageB.goto(reset.link);
  await pageB.getByLabel(/New password/).fill("yet-another-password-3");
  await pageB.getByRole("button", { name: "Set new password" }).click();
  await expect(pageB.getByTestId("reset-error")).toContainText("already been used");
  await pageB.goto(tenantUrl("globex", "/signin"));
  await submitSignIn(pageB, email, newPassword);
  await pageB.waitForURL(tenantUrl("globex", "/"));
  await deviceA.close();
  await deviceB.close();
});
