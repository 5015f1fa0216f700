import { expect, test } from "@playwright/test";
import { waitForMailLink } from "./support/read-mail";
import { signIn, tenantUrl, uniqueEmail } from "./support/tenant-app";

// globex: this spec adds members, so it stays off acme (which other specs count on).
test("invite → mail → accept → signed in; the link then says it was accepted", async ({ page, browser }) => {
  const email = uniqueEmail("globex", "invitee");
  await signIn(page, "globex", "owner", "/members");
  const form = page.getByTestId("invite-form");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("member");
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByTestId("invite-result")).toContainText(`Invitation sent to ${email}`);
  await expect(page.locator(`[data-testid="invitation-row"][data-email="${email}"]`)).toContainText("pending");

  const { subject, link } = await waitForMailLink(email, tenantUrl("globex", "/invite/"));
  expect(subject).toContain("Globex Corp");

  // The invitee, in a fresh browser (no session): name + password, then lands signed in.
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByTestId("invite-email")).toHaveText(email);
  await inviteePage.getByLabel("Your name").fill("Grace Hopper");
  await inviteePage.getByLabel(/Choose a password/).fill("a-long-enough-password");
  await inviteePage.getByRole("button", { name: "Accept and sign in" }).click();
  await inviteePage.waitForURL(tenantUrl("globex", "/"));
  // From the page itself: Node can't resolve *.localhost, Chromium can.
  const me = await inviteePage.evaluate(async () => (await fetch("/api/me")).json());
  expect(me).toMatchObject({ user: { email, name: "Grace Hopper" }, tenant: { slug: "globex" }, roles: ["member"] });

  // Opening the link again says so clearly; nothing is consumed by viewing it.
  await inviteePage.goto(link);
  await expect(inviteePage.getByTestId("invite-status")).toContainText("already been accepted");
  // Another tenant's host doesn't know this invitation.
  await inviteePage.goto(link.replace("globex.", "acme."));
  await expect(inviteePage.getByTestId("invite-status")).toContainText("not valid here");
  await invitee.close();

  await page.reload();
  await expect(page.locator(`[data-testid="member-row"][data-email="${email}"]`)).toBeVisible();
});
