import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, observeProxy, withRequestIdOnErrors } from "@repo/observability";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function capture() {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
  return lines;
}

afterEach(() => vi.restoreAllMocks());

const wrap = (inner: (request: Request, forward: Headers) => Promise<Response>) =>
  observeProxy(inner, { logger: () => createLogger({ service: "test" }) });

describe("observeProxy", () => {
  it("hands a fresh id to the stage that forwards the request when the client's is malformed, and returns it", async () => {
    capture();
    let seen: string | null = null;
    const proxy = wrap(async (request, forward) => {
      expect(request.headers.get("x-request-id")).toBe("bad id");
      seen = forward.get("x-request-id");
      return new Response("ok");
    });
    const response = await proxy(new Request("http://acme.localhost:3000/", { headers: { "x-request-id": "bad id" } }));
    expect(seen).toMatch(UUID);
    expect(response.headers.get("x-request-id")).toBe(seen);
  });

  it("adds the id to JSON error bodies and keeps other headers", async () => {
    capture();
    const proxy = wrap(async () =>
      Response.json({ error: { code: "forbidden", message: "no" } }, { status: 403, headers: { "retry-after": "1" } }),
    );
    const response = await proxy(new Request("http://x/", { headers: { "x-request-id": "req-0123456789" } }));
    expect(response.status).toBe(403);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: "no", requestId: "req-0123456789" } });
  });

  it("logs one line per request: path without the query string, no headers", async () => {
    const lines = capture();
    const proxy = wrap(async () => new Response("ok", { status: 201 }));
    await proxy(
      new Request("http://acme.localhost:3000/reset?token=secret-reset-token", {
        headers: { cookie: "repo.session=secret-cookie", authorization: "Bearer secret-bearer" },
      }),
    );
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "request", path: "/reset", outcome: "answered", status: 201 });
    expect(lines[0]).not.toMatch(/secret/);
  });

  it("leaves redirects (immutable headers) working", async () => {
    capture();
    const proxy = wrap(async () => Response.redirect("http://x/signin", 307));
    const response = await proxy(new Request("http://x/"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://x/signin");
    expect(response.headers.get("x-request-id")).toMatch(UUID);
  });
});

describe("withRequestIdOnErrors", () => {
  it("adds the request id to error responses only", async () => {
    const handler = withRequestIdOnErrors(async (request: Request) =>
      new URL(request.url).pathname === "/ok"
        ? Response.json({ ok: true })
        : Response.json({ error: { code: "x" } }, { status: 400 }),
    );
    const headers = { "x-request-id": "req-abcdefgh12" };
    const ok = await handler(new Request("http://x/ok", { headers }));
    expect(ok.headers.get("x-request-id")).toBeNull();
    const bad = await handler(new Request("http://x/bad", { headers }));
    expect(await bad.json()).toEqual({ error: { code: "x", requestId: "req-abcdefgh12" } });
  });
});
