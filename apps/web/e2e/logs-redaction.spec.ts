// The servers' JSON logs never contain a session cookie or a password, even for requests that
// carry them, and every request is logged with its request id (.reports/e2e-server.log is
// written by the E2E stack launcher).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { callTenantApi, SEED_PASSWORD, sessionCookie, signIn } from "./support/tenant-app";

const serverLog = fileURLToPath(new URL("../../../.reports/e2e-server.log", import.meta.url));
const readLog = () => (existsSync(serverLog) ? readFileSync(serverLog, "utf8") : "");

test("the server log has request lines with ids but no session cookie or password", async ({ page, context }) => {
  await signIn(page, "acme", "member");
  const cookie = await sessionCookie(context, "acme");
  const cookieValue = cookie.slice(cookie.indexOf("=") + 1);
  expect(cookieValue.length).toBeGreaterThan(40);

  const requestId = `e2e-log-${Date.now()}`;
  const me = await callTenantApi("acme", "/api/me", { cookie, headers: { "x-request-id": requestId } });
  expect(me.status).toBe(200);
  expect(me.headers["x-request-id"]).toBe(requestId);
  // A failing call repeats the id in its error body.
  const denied = await callTenantApi("acme", "/api/projects", {
    method: "POST",
    cookie: `${cookie}; extra=1`,
    body: "{not json",
    headers: { "x-request-id": `${requestId}-bad`, authorization: `Bearer ${cookieValue}` },
  });
  expect(denied.status).toBeGreaterThanOrEqual(400);
  expect(denied.json).toMatchObject({ error: { requestId: `${requestId}-bad` } });

  await expect.poll(() => readLog().includes(requestId), { timeout: 10_000 }).toBe(true);
  const log = readLog();
  const line = log.split("\n").find((l) => l.includes(`"requestId":"${requestId}"`));
  expect(JSON.parse(line!)).toMatchObject({
    level: "info",
    service: "web",
    msg: "request",
    path: "/api/me",
    outcome: "next",
  });
  expect(log).not.toContain(cookieValue);
  expect(log).not.toContain(SEED_PASSWORD);
});
