// An operator adds a webhook endpoint in the console; a sign-in on the tenant host is delivered
// (signed, verified by a real receiver) and shows up in the endpoint's delivery log.
// The spec provisions its own tenant, so no other spec sees its events.
import { expect, test } from "@playwright/test";
import {
  ADMIN_URL,
  OPS,
  callAdmin,
  operatorSessionCookie,
  signInOperator,
  signInTenantUser,
} from "./support/admin-app";
import { startWebhookReceiver } from "./support/webhook-receiver";

test("a webhook added in the console receives a tenant sign-in, visible in the delivery log", async ({ browser }) => {
  test.setTimeout(120_000);
  const receiver = await startWebhookReceiver();
  const operator = await browser.newPage();
  await signInOperator(operator, OPS);
  const cookie = await operatorSessionCookie(operator.context());
  const admin = (path: string, method: string, body?: unknown) =>
    callAdmin(path, { method, headers: { cookie, origin: ADMIN_URL }, body });
  const slug = `wh${Date.now().toString(36)}`;
  const email = `hooked@${slug}.test`;
  const password = "webhook-e2e-password-1";

  try {
    expect((await admin("/api/v1/tenants", "POST", { slug, name: "Webhook E2E" })).status).toBe(201);
    expect(
      (await admin(`/api/v1/tenants/${slug}/members`, "POST", { email, name: "Hooked", password, roles: ["member"] }))
        .status,
    ).toBe(201);

    await operator.goto(`${ADMIN_URL}/tenants/${slug}/webhooks`);
    await operator.getByLabel("Endpoint URL").fill(receiver.url);
    await operator.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await operator.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_/);
    receiver.setSecret(secret);

    const user = await browser.newPage();
    await signInTenantUser(user, slug, email, password);

    // The link navigates client-side: wait until the endpoint's page is the current URL, or the
    // reloads below would abort the navigation and keep reloading the list page.
    await operator.getByRole("link", { name: receiver.url }).click();
    await operator.waitForURL(new RegExp(`/tenants/${slug}/webhooks/[0-9a-f-]{36}$`));
    const log = operator.getByTestId("delivery-log");
    await expect(log).toBeVisible();
    await expect(async () => {
      await operator.reload();
      await expect(log).toContainText("user.signed_in", { timeout: 1_000 });
      await expect(log).toContainText("succeeded", { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });

    const signedIn = receiver.received.filter((r) => r.payload?.type === "user.signed_in");
    expect(signedIn).toHaveLength(1);
    expect(signedIn[0]!.isVerified).toBe(true);
    expect(signedIn[0]!.payload?.data).toMatchObject({ tenant: { slug }, user: { email } });
    await expect(log).toContainText(signedIn[0]!.id);
  } finally {
    await admin(`/api/v1/tenants/${slug}`, "DELETE", { confirm: slug });
    await receiver.close();
  }
});
