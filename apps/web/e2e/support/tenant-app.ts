// E2E helpers for the tenant app. Chromium resolves `*.localhost` itself; Node does not, so
// API calls from the test process go to 127.0.0.1:3000 with the tenant's Host header.
import { request as httpRequest } from "node:http";
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const WEB_PORT = 3000;
export const SEED_PASSWORD = "demo-password-1";
export type SeedRole = "owner" | "admin" | "member" | "viewer";

export const tenantHost = (slug: string) => `${slug}.localhost:${WEB_PORT}`;
export const tenantUrl = (slug: string, path = "/") => `http://${tenantHost(slug)}${path}`;
export const seedEmail = (role: SeedRole, slug: string) => `${role}@${slug}.test`;

/** A throwaway address nobody signs in with elsewhere (keeps per-email limits independent). */
export const uniqueEmail = (slug: string, label: string) =>
  `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@${slug}.test`;

/** Fills and submits the sign-in form of the current /signin page. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the UI and waits for the destination page. */
export async function signIn(page: Page, slug: string, role: SeedRole, path = "/"): Promise<void> {
  await page.goto(tenantUrl(slug, `/signin?callbackUrl=${encodeURIComponent(path)}`));
  await submitSignIn(page, seedEmail(role, slug), SEED_PASSWORD);
  await page.waitForURL(tenantUrl(slug, path));
}

/** The `name=value` of the tenant session cookie in `context` for `slug`. */
export async function sessionCookie(context: BrowserContext, slug: string): Promise<string> {
  const cookies = await context.cookies(tenantUrl(slug));
  const session = cookies.find((c) => /^(__Host-)?repo\.session$/.test(c.name));
  expect(session, "session cookie after sign-in").toBeTruthy();
  return `${session!.name}=${session!.value}`;
}

export type ApiResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
};

/** An HTTP call to the tenant app from Node (Host header set explicitly; no redirects followed). */
export function callTenantApi(
  slug: string,
  path: string,
  init: {
    method?: string;
    cookie?: string;
    origin?: string | null;
    body?: string;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { ...init.headers, host: tenantHost(slug), accept: "application/json" };
  if (init.cookie) headers.cookie = init.cookie;
  // Browsers send Origin on every state-changing request; default to the tenant's own.
  const origin = init.origin === undefined ? (method === "GET" ? null : `http://${tenantHost(slug)}`) : init.origin;
  if (origin) headers.origin = origin;
  if (init.body !== undefined) {
    headers["content-type"] = init.contentType ?? "application/json";
    headers["content-length"] = String(Buffer.byteLength(init.body));
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: WEB_PORT, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** Posts credentials through Auth.js's own endpoints (csrf, then callback) like the form does. */
export async function postCredentials(slug: string, email: string, password: string): Promise<ApiResponse> {
  const csrf = await callTenantApi(slug, "/api/auth/csrf");
  const setCookie = csrf.headers["set-cookie"];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ""]).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = csrf.json as { csrfToken: string };
  return callTenantApi(slug, "/api/auth/callback/credentials", {
    method: "POST",
    cookie,
    contentType: "application/x-www-form-urlencoded",
    // As the sign-in form does: Auth.js answers `{ url }` JSON instead of a 302.
    headers: { "x-auth-return-redirect": "1" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }).toString(),
  });
}
