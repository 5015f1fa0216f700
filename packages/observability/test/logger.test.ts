import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "@repo/observability";

const SECRET = "eyJhbGciOiJFUzI1NiJ9.secret-session-value";

function capture() {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("createLogger", () => {
  it("writes one JSON object per line with time, level, service, msg and the fields", () => {
    const lines = capture();
    createLogger({ service: "web" }).child({ requestId: "req-12345678" }).info("request", { status: 200 });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      level: "info",
      service: "web",
      requestId: "req-12345678",
      msg: "request",
      status: 200,
    });
    expect(new Date(entry.time).toString()).not.toBe("Invalid Date");
  });

  it("drops lines below the level; silent drops everything", () => {
    const lines = capture();
    const warnOnly = createLogger({ service: "x", level: "warn" });
    warnOnly.debug("a");
    warnOnly.info("b");
    warnOnly.warn("c");
    createLogger({ service: "x", level: "silent" }).error("d");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["c"]);
  });

  it.each([
    ["cookie", { cookie: `repo.session=${SECRET}` }],
    ["set-cookie", { "set-cookie": `repo.session=${SECRET}; HttpOnly` }],
    ["authorization", { authorization: `Bearer ${SECRET}` }],
    ["Authorization (case)", { Authorization: `Bearer ${SECRET}` }],
    ["nested headers object", { request: { headers: { cookie: SECRET } } }],
    ["Headers instance", { headers: new Headers({ cookie: SECRET, "x-request-id": "abc" }) }],
    ["token field", { sessionToken: SECRET }],
    ["password", { password: SECRET }],
    ["signing keys", { AUTH_SIGNING_KEYS: SECRET }],
    ["inside an array", { list: [{ token: SECRET }] }],
  ])("never writes a credential: %s", (_name, fields) => {
    const lines = capture();
    createLogger({ service: "x" }).info("m", fields);
    expect(lines.join("\n")).not.toContain(SECRET);
    expect(lines.join("\n")).toContain("[redacted]");
  });

  it("serialises errors with their message and code", () => {
    const lines = capture();
    createLogger({ service: "x" }).error("failed", {
      error: Object.assign(new Error("boom"), { code: "ECONNREFUSED" }),
    });
    expect(JSON.parse(lines[0]!).error).toMatchObject({ name: "Error", message: "boom", code: "ECONNREFUSED" });
  });
});
