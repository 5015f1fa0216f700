// Every input boundary of the web app answers a 4xx JSON with a message, never a 500: the request
// target (path segments, query) in the proxy, JSON bodies in the one body parser (NUL, size,
// media type), and every response carries the security headers. Real Postgres/Redis, the real
// proxy and route handlers (no Next server).
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

// Route handlers read the request through Next's request-scoped `headers()`; outside Next we
// bind it to the Request being handled (as data-protection.integration.test.ts does).
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => {
    throw new Error("not used by the code under test");
  },
}));
import { POST as createProject } from "@/app/api/projects/route";
import { proxy } from "@/proxy";
import { mintSessionCookie, useTestPlatform, type SeededTenant } from "./support/test-platform";

let alpha: SeededTenant;
useTestPlatform((seeded) => ({ alpha } = seeded));

const run = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(
    new NextRequest(`http://localhost:3000${path}`, {
      method: init.method ?? "GET",
      headers: { host: alpha.host, ...init.headers },
    }),
  );

describe("the proxy refuses malformed request targets with a JSON 400 (APIs) before any route decodes them", () => {
  it.each([
    ["GET", "/api/projects/%ZZ"],
    ["DELETE", "/api/projects/%E0%A4%A"],
    ["DELETE", "/api/projects/%"],
    ["GET", "/api/projects/%00"],
    ["GET", "/api/projects/abc%0d%0aSet-Cookie:x=1"],
    ["GET", "/api/projects?name=%00"],
    ["GET", "/api/projects?q=%ZZ"],
    ["GET", "/api/projects?%00=1"],
    ["GET", "/api/me?x=%7f"],
  ])("%s %s → 400 invalid_request", async (method, path) => {
    const response = await run(path, { method, headers: { origin: `http://${alpha.host}` } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "invalid_request", message: expect.stringMatching(/\S/) },
    });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it.each(["/projects/%ZZ", "/signin?callbackUrl=%00"])("pages: %s → plain 400", async (path) => {
    const response = await run(path);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^Bad request: /);
  });

  it.each([["/api/projects/%2F"], ["/api/projects?q=a%20b"], ["/api/projects?q=%E2%9C%93"]])(
    "%s passes the check",
    async (path) => {
      expect((await run(path)).status).toBe(401); // on to the gate: no session
    },
  );
});

describe("security headers on every proxy answer, pages and APIs", () => {
  it.each([
    ["API 401", "/api/projects", 401],
    ["page redirect", "/projects", 307],
    ["public page", "/signin", 200],
    ["bad target", "/api/projects/%ZZ", 400],
  ])("%s", async (_label, path, status) => {
    const response = await run(path);
    expect(response.status).toBe(status);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp.split("script-src")[1]!.split(";")[0]).not.toContain("'unsafe-inline'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    // Tests run over plain HTTP: no HSTS (it is sent only over HTTPS in production).
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("uses a fresh nonce per request", async () => {
    const nonce = async () =>
      /'nonce-([^']+)'/.exec((await run("/signin")).headers.get("content-security-policy") ?? "")?.[1];
    const [a, b] = [await nonce(), await nonce()];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });
});

describe("POST /api/projects refuses bad bodies with 4xx JSON", () => {
  const post = async (body: BodyInit, headers: Record<string, string>) => {
    const { cookie } = await mintSessionCookie(alpha.tenant, alpha.users.owner);
    const request = new Request(`http://${alpha.host}/api/projects`, {
      method: "POST",
      headers: { host: alpha.host, origin: `http://${alpha.host}`, cookie, ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
    current.headers = request.headers;
    return createProject(request, { params: Promise.resolve({}) });
  };
  const json = { "content-type": "application/json" };

  it.each([
    ["NUL in the name", '{"name":"x\\u0000"}', json, 400, "name"],
    ["NUL in an unknown key's value", '{"name":"ok","extra":"\\u0000"}', json, 400, "extra"],
    ["tab in the name", '{"name":"a\\tb"}', json, 400, "name"],
    ["line break in the name", '{"name":"a\\nb"}', json, 400, "name"],
    ["C1 control in the name", '{"name":"a\\u0085b"}', json, 400, "name"],
    ["application/jsonx", '{"name":"x"}', { "content-type": "application/jsonx" }, 400, null],
    ["text/plain", '{"name":"x"}', { "content-type": "text/plain" }, 400, null],
    ["no content type", '{"name":"x"}', {}, 400, null],
    ["malformed JSON", '{"name":', json, 400, null],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), json, 400, null],
    ["an oversized body (Content-Length)", JSON.stringify({ name: "x".repeat(70_000) }), json, 413, null],
  ])("%s → %i", async (_label, body, headers, status, field) => {
    const response = await post(body as BodyInit, headers);
    expect(response.status).toBe(status);
    const payload = (await response.json()) as {
      error: { code: string; message: string; fields?: Record<string, string[]> };
    };
    expect(payload.error.code).toBe(status === 413 ? "payload_too_large" : "invalid_request");
    expect(payload.error.message).toMatch(/\S/);
    expect(Object.keys(payload.error.fields ?? {})).toEqual(field ? expect.arrayContaining([field]) : []);
  });

  it("refuses an oversized streamed body (no Content-Length) once it passes the limit", async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16_384;
        if (sent > 10_000_000) controller.close();
        else controller.enqueue(new TextEncoder().encode(" ".repeat(16_384)));
      },
    });
    const response = await post(stream, json);
    expect(response.status).toBe(413);
    // Reading stopped near the limit instead of buffering the whole 10 MB.
    expect(sent).toBeLessThan(1_000_000);
  });

  it("still creates a project from a clean body with a charset parameter", async () => {
    const response = await post('{"name":"Boundary test"}', { "content-type": "Application/JSON; charset=utf-8" });
    expect(response.status).toBe(201);
  });
});
