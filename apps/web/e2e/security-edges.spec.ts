// The tenant app against the production build: pages work under the strict CSP (nonces, no
// violation reported), sign-in never redirects off the tenant host whatever the callbackUrl,
// and protocol edges (malformed escapes, absolute-form request lines) get a 400, never a 500
// or a redirect to a foreign host.
import { connect } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { SEED_PASSWORD, WEB_PORT, callTenantApi, seedEmail, submitSignIn, tenantUrl } from "./support/tenant-app";

/** Collects CSP violations the page reports (event + console), from the first script on. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return violations;
}

test("pages work under the strict CSP: sign in, navigate, create a project, no violation", async ({ page }) => {
  const violations = await watchCspViolations(page);
  const response = await page.goto(tenantUrl("acme", "/signin?callbackUrl=%2Fprojects"));
  const csp = response!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  await submitSignIn(page, seedEmail("member", "acme"), SEED_PASSWORD);
  await page.waitForURL(tenantUrl("acme", "/projects"));
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  await page
    .getByRole("link", { name: /members/i })
    .first()
    .click();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

for (const callbackUrl of [
  "/..//evil.example/x",
  "/%2e%2e//evil.example/x",
  "/%09/evil.example",
  "/\\evil.example",
  "https:evil.example",
  "//evil.example",
]) {
  test(`sign-in with callbackUrl ${JSON.stringify(callbackUrl)} stays on the tenant host`, async ({ page }) => {
    await page.goto(tenantUrl("acme", `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`));
    await submitSignIn(page, seedEmail("viewer", "acme"), SEED_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/" || url.host !== `acme.localhost:${WEB_PORT}`);
    expect(new URL(page.url()).host).toBe(`acme.localhost:${WEB_PORT}`);
  });
}

test.describe("protocol edges (HTTP, production build)", () => {
  for (const [method, path] of [
    ["GET", "/api/projects/%ZZ"],
    ["DELETE", "/api/projects/%E0%A4%A"],
    ["GET", "/api/projects?x=%00"],
  ] as const) {
    test(`${method} ${path} → JSON 400`, async () => {
      const response = await callTenantApi("acme", path, { method });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ error: { code: "invalid_request" } });
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
    });
  }

  test("security headers on an API answer", async () => {
    const response = await callTenantApi("acme", "/api/me");
    expect(response.status).toBe(401);
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response.headers["permissions-policy"]).toContain("camera=()");
  });

  test("an absolute-form request line never redirects off the tenant host", async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(WEB_PORT, "127.0.0.1", () => {
        socket.write(
          `GET http://evil.example/api/me HTTP/1.1\r\nHost: acme.localhost:${WEB_PORT}\r\nConnection: close\r\n\r\n`,
        );
      });
      let data = "";
      socket.setTimeout(10_000, () => socket.destroy(new Error("timeout")));
      socket.on("data", (chunk) => (data += chunk.toString("latin1")));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    const status = Number(raw.split(" ")[1]);
    const location = /\r\nlocation: ([^\r]*)/i.exec(raw)?.[1] ?? null;
    expect(location === null || !/evil\.example/i.test(location), `Location: ${location}`).toBe(true);
    expect(status).not.toBe(500);
  });
});
