// E2E helpers for the operator console and the tenant hosts it affects. Chromium resolves
// `*.localhost` itself; Node does not, so tenant API calls from the test process go to
// 127.0.0.1:3000 with the tenant's Host header.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const ADMIN_URL = "http://localhost:3001";
export const SEED_PASSWORD = "demo-password-1";
export const OPS = "ops@example.test";
export const SUPPORT = "support@example.test";

export const tenantHost = (slug: string) => `${slug}.localhost:3000`;
export const tenantUrl = (slug: string, path = "/") => `http://${tenantHost(slug)}${path}`;

/** Signs an operator in through the console's sign-in page. */
export async function signInOperatorViaForm(page: Page, email: string): Promise<void> {
  await page.goto(`${ADMIN_URL}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(SEED_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${ADMIN_URL}/`);
}

/**
 * Signs an operator in, reusing a still-valid session from an earlier spec when there is one:
 * operator sign-in is rate limited per email (the same brute-force limiter as tenants), and the
 * specs together sign `ops@` in more often than the E2E window allows.
 */
export async function signInOperator(page: Page, email: string): Promise<void> {
  const file = join(tmpdir(), `admin-e2e-session-${email}.txt`);
  const saved = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  if (saved && (await callAdmin("/api/v1/tenants?pageSize=1", { headers: { cookie: saved } })).status === 200) {
    const [name, ...value] = saved.split("=");
    await page
      .context()
      .addCookies([{ name: name!, value: value.join("="), url: ADMIN_URL, httpOnly: true, sameSite: "Lax" }]);
    await page.goto(`${ADMIN_URL}/`);
    return;
  }
  await signInOperatorViaForm(page, email);
  writeFileSync(file, await operatorSessionCookie(page.context()));
}

/** Signs a tenant user in on their tenant host (browser) and waits to leave /signin. */
export async function signInTenantUser(page: Page, slug: string, email: string, password: string): Promise<void> {
  await page.goto(tenantUrl(slug, "/signin"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.host === tenantHost(slug) && !url.pathname.startsWith("/signin"));
}

/** `name=value` of the tenant session cookie for `slug` in `context`. */
export async function tenantSessionCookie(context: BrowserContext, slug: string): Promise<string> {
  const session = (await context.cookies(tenantUrl(slug))).find((c) => /^(__Host-)?repo\.session$/.test(c.name));
  expect(session, "tenant session cookie").toBeTruthy();
  return `${session!.name}=${session!.value}`;
}

/** `name=value` of the operator session cookie in `context`. */
export async function operatorSessionCookie(context: BrowserContext): Promise<string> {
  const session = (await context.cookies(ADMIN_URL)).find((c) => /^(__Host-)?repo-admin\.session$/.test(c.name));
  expect(session, "operator session cookie").toBeTruthy();
  return `${session!.name}=${session!.value}`;
}

export type HttpResult = { status: number; json: unknown; text: string; setCookie: string[] };

/** A raw HTTP call from Node to 127.0.0.1:<port> with an explicit Host (no redirects followed). */
export function httpCall(
  port: number,
  host: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { host, accept: "application/json", ...init.headers };
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: init.method ?? "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON
        }
        const sc = res.headers["set-cookie"];
        resolve({ status: res.statusCode ?? 0, json, text, setCookie: Array.isArray(sc) ? sc : sc ? [sc] : [] });
      });
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export const callTenant = (slug: string, path: string, init: Parameters<typeof httpCall>[3] = {}) =>
  httpCall(3000, tenantHost(slug), path, init);
export const callAdmin = (path: string, init: Parameters<typeof httpCall>[3] = {}) =>
  httpCall(3001, "localhost:3001", path, init);

/** Follows a rotated tenant session cookie (the gate re-issues it on role change). */
export function nextCookie(current: string, result: HttpResult): string {
  const name = current.split("=")[0]!;
  const rotated = result.setCookie.find((c) => c.startsWith(`${name}=`));
  return rotated ? rotated.split(";")[0]! : current;
}
