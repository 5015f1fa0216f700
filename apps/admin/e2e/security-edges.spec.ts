// The operator console against the production build: its pages work under the strict CSP (no
// violation reported), cannot be framed, and sign-in never leaves the console's origin whatever
// the callbackUrl (`/%09/evil.example` used to reach `window.location.assign("/\t/evil…")`).
import { expect, test } from "@playwright/test";
import { ADMIN_URL, SEED_PASSWORD, SUPPORT } from "./support/admin-app";

test("a tab-smuggled callbackUrl is refused and a dot-segment one stays on the console; pages run under the CSP without violations", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  // A control character anywhere in the query is refused at the proxy, before any page runs.
  const smuggled = await page.goto(`${ADMIN_URL}/signin?callbackUrl=${encodeURIComponent("/\t/evil.example")}`);
  expect(smuggled!.status()).toBe(400);
  // A dot-segment destination reaches the page; the sanitizer keeps sign-in on the console.
  const response = await page.goto(`${ADMIN_URL}/signin?callbackUrl=${encodeURIComponent("/..//evil.example/x")}`);
  expect(response!.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  await page.getByLabel("Email").fill(SUPPORT);
  await page.getByLabel("Password").fill(SEED_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/" || url.origin !== ADMIN_URL);
  expect(new URL(page.url()).origin).toBe(ADMIN_URL);
  await page.goto(`${ADMIN_URL}/tenants`);
  await page.waitForLoadState("networkidle");
  await page.goto(`${ADMIN_URL}/audit`);
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});
