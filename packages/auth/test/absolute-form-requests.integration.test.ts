// Absolute-form request lines against a real Node HTTP server with the hook installed: the
// target's authority becomes the Host (RFC 9112 §3.2.2), so a foreign authority can never be
// mistaken for the tenant host, and nothing downstream sees a `//` to "normalise" into a redirect.
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeAbsoluteFormRequests } from "@repo/auth/server";

let server: Server;
let port = 0;

beforeAll(async () => {
  normalizeAbsoluteFormRequests();
  server = createServer((req, res) => res.end(JSON.stringify({ url: req.url, host: req.headers.host })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function send(requestLine: string, host = "acme.localhost:3000"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(`${requestLine}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    );
    let data = "";
    socket.setTimeout(5_000, () => socket.destroy(new Error("timeout")));
    socket.on("data", (chunk) => (data += chunk.toString("latin1")));
    socket.on("end", () =>
      resolve({ status: Number(data.split(" ")[1]), body: data.slice(data.indexOf("\r\n\r\n") + 4) }),
    );
    socket.on("error", reject);
  });
}

describe("absolute-form request lines", () => {
  it.each([
    ["GET http://evil.example/api/me HTTP/1.1", { url: "/api/me", host: "evil.example" }],
    ["GET http://evil.example//api/me?x=1 HTTP/1.1", { url: "//api/me?x=1", host: "evil.example" }],
    ["GET http://acme.localhost:3000/api/me HTTP/1.1", { url: "/api/me", host: "acme.localhost:3000" }],
    ["GET /api/me HTTP/1.1", { url: "/api/me", host: "acme.localhost:3000" }],
  ])("%s → handled with the target's own host", async (line, expected) => {
    const response = await send(line);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual(expected);
  });

  it.each([
    "GET http://user:pw@acme.localhost:3000/api/me HTTP/1.1",
    "GET ftp://evil.example/x HTTP/1.1",
    "GET javascript:alert(1) HTTP/1.1",
  ])("%s → 400", async (line) => {
    expect((await send(line)).status).toBe(400);
  });
});
